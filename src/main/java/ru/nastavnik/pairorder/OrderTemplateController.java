package ru.nastavnik.pairorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.AuditLog;

/**
 * {@code /api/templates/pair-order.docx}: the Word template the order's DOCX is filled from. Staff download it to
 * edit; the director or an administrator uploads the school's own version (multipart field «file») or goes back to
 * the built-in one.
 */
@RestController
class OrderTemplateController {

    static final String PATH = "/api/templates/pair-order.docx";
    private static final List<String> EDITORS = List.of(Groups.DIRECTOR, Groups.ADMIN);
    private static final String REFUSAL = "Шаблон распоряжения меняют директор или администратор";

    private final OrderTemplates templates;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    OrderTemplateController(OrderTemplates templates, CurrentUser currentUser, AuditLog audit) {
        this.templates = templates;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> download() {
        currentUser.requireAnyGroup(Groups.STAFF, "Шаблон распоряжения доступен сотрудникам школы");
        return ResponseEntity.ok().contentType(PairOrderController.DOCX)
                .header("Content-Disposition", "attachment; filename=\"pair-order-template.docx\"")
                .body(templates.current());
    }

    /** What is in force and the placeholders a template may use. */
    @GetMapping("/api/templates/pair-order")
    Map<String, Object> info() {
        currentUser.requireAnyGroup(Groups.STAFF, "Шаблон распоряжения доступен сотрудникам школы");
        return Map.of("template", templates.info(), "fields", OrderTemplate.FIELDS, "rowFields",
                OrderTemplate.ROW_FIELDS);
    }

    @PostMapping(path = PATH, consumes = "multipart/form-data")
    OrderTemplates.Info upload(@RequestParam("file") MultipartFile file) {
        currentUser.requireAnyGroup(EDITORS, REFUSAL);
        OrderTemplates.checkSize(file.getSize());
        try {
            return stored(templates.upload(file.getBytes(), file.getOriginalFilename(), currentUser.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DeleteMapping(PATH)
    OrderTemplates.Info reset() {
        currentUser.requireAnyGroup(EDITORS, REFUSAL);
        templates.reset();
        audit.record(currentUser.id(), "order.template.reset", null, null, null);
        return templates.info();
    }

    private OrderTemplates.Info stored(OrderTemplates.Info info) {
        audit.record(currentUser.id(), "order.template.uploaded", null, null, "file=" + info.fileName());
        return info;
    }
}
