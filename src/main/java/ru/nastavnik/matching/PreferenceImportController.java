package ru.nastavnik.matching;

import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.spreadsheet.ImportGuard;
import ru.nastavnik.spreadsheet.ImportRefusal;
import ru.nastavnik.spreadsheet.ImportRejectedException;
import ru.nastavnik.spreadsheet.SheetReader;
import ru.nastavnik.spreadsheet.SheetTemplate;

/**
 * {@code POST /api/programmes/{id}/preferences/import}: the preference questionnaires as a file (multipart field
 * «file» or the raw body, XLSX or CSV), and its template {@code GET /api/templates/preferences.xlsx}.
 */
@RestController
@RequestMapping("/api")
class PreferenceImportController {

    private final PreferenceImport imports;
    private final ImportGuard guard;

    PreferenceImportController(PreferenceImport imports, ImportGuard guard) {
        this.imports = imports;
        this.guard = guard;
    }

    @PostMapping(path = "/programmes/{id}/preferences/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PreferenceImport.ImportResult importForm(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        return guard.importFile(file, content -> imports.importFile(id, content));
    }

    @PostMapping(path = "/programmes/{id}/preferences/import", consumes = {"text/csv", SheetReader.XLSX_TYPE,
            "application/vnd.ms-excel", "application/octet-stream", "text/plain"})
    PreferenceImport.ImportResult importBody(@PathVariable long id, InputStream body) {
        return guard.importBody(body, content -> imports.importFile(id, content));
    }

    @GetMapping("/templates/preferences.xlsx")
    ResponseEntity<byte[]> template() {
        return SheetTemplate.download("preferences.xlsx", PreferenceTemplate.xlsx());
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ImportRefusal> refused(ImportRejectedException e) {
        return ImportRefusal.of(e);
    }
}
