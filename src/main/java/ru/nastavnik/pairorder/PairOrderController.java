package ru.nastavnik.pairorder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.matching.MatchingProposal;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.AuditLog;

/**
 * {@code /api/programmes/{id}/orders}: the order on the pairs (распоряжение о закреплении наставнических пар).
 * Curator, deputy director and director create drafts from a matching proposal; only the director approves; the
 * coordinator reads. The order names participants, so reading it is personal data and is logged.
 */
@RestController
class PairOrderController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final PairOrders orders;
    private final PairOrderApproval approval;
    private final OrderTemplates templates;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    PairOrderController(PairOrders orders, PairOrderApproval approval, OrderTemplates templates,
                        CurrentUser currentUser, AuditLog audit) {
        this.orders = orders;
        this.approval = approval;
        this.templates = templates;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PostMapping("/api/programmes/{id}/orders")
    ResponseEntity<PairOrder> create(@PathVariable long id, @RequestBody(required = false) MatchingProposal proposal,
                                     @RequestParam(required = false) Long replaces) {
        currentUser.requireAnyGroup(Groups.PROGRAMME_LEADERS,
                "Распоряжение о закреплении пар готовят куратор, заместитель директора или директор");
        PairOrder order = orders.create(id, proposal, replaces, currentUser.id());
        audit.record(currentUser.id(), "order.created", id, null, "order=" + order.id() + " pairs="
                + order.pairs().size() + (replaces == null ? "" : " replaces=" + replaces));
        return ResponseEntity.created(URI.create("/api/programmes/" + id + "/orders/" + order.id())).body(order);
    }

    @GetMapping("/api/programmes/{id}/orders")
    List<PairOrder> list(@PathVariable long id) {
        requireReader();
        return orders.list(id);
    }

    @GetMapping("/api/programmes/{id}/orders/{orderId}")
    PairOrder get(@PathVariable long id, @PathVariable long orderId) {
        requireReader();
        return orders.get(id, orderId);
    }

    @GetMapping("/api/programmes/{id}/orders/{orderId}.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, @PathVariable long orderId) {
        requireReader();
        PairOrder order = orders.get(id, orderId);
        return download(order, templates.docx(orders.document(order)), DOCX, ".docx",
                ContentDisposition.attachment());
    }

    @GetMapping("/api/programmes/{id}/orders/{orderId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long orderId) {
        requireReader();
        PairOrder order = orders.get(id, orderId);
        // Inline: «открыть PDF» in the director's task opens it in the browser; the DOCX is for editing, so saved.
        return download(order, PairOrderDocument.pdf(orders.document(order)), MediaType.APPLICATION_PDF, ".pdf",
                ContentDisposition.inline());
    }

    /** Completes the director's task of stage 5 (the process numbers the order and fixes the pairs, and logs it). */
    @PostMapping("/api/programmes/{id}/orders/{orderId}/approval")
    PairOrder approve(@PathVariable long id, @PathVariable long orderId) {
        currentUser.requireAnyGroup(List.of(Groups.DIRECTOR), "Утверждает распоряжение только директор");
        return approval.approve(id, orderId, currentUser.id());
    }

    private void requireReader() {
        currentUser.requireAnyGroup(Groups.SCHOOL_STAFF,
                "Распоряжение видят куратор, заместитель директора, директор и координатор");
    }

    private ResponseEntity<byte[]> download(PairOrder order, byte[] body, MediaType type, String extension,
                                            ContentDisposition.Builder disposition) {
        audit.record(currentUser.id(), "order.downloaded", order.programmeId(), null,
                "order=" + order.id() + " format=" + extension.substring(1));
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition
                        .filename(PairOrders.fileName(order) + extension, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
