package ru.nastavnik.spreadsheet;

import java.util.List;

/** An import refused as a whole: every problem of the file, nothing stored. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportError> errors;

    public ImportRejectedException(List<ImportError> errors) {
        super(errors.size() + " problem(s) in the import file");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
