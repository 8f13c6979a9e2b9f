package ru.nastavnik.spreadsheet;

import java.util.List;
import org.springframework.http.ResponseEntity;

/** The 400 answer of a refused import (participants or preferences): every bad row and column. */
public record ImportRefusal(int status, String message, List<ImportError> errors) {

    public static ResponseEntity<ImportRefusal> of(ImportRejectedException e) {
        return ResponseEntity.badRequest().body(new ImportRefusal(400,
                "Файл не загружен: исправьте ошибки (" + e.errors().size() + ") и загрузите его снова", e.errors()));
    }
}
