package ru.nastavnik.pairorder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.spreadsheet.ImportGuard;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;

/**
 * The order's Word template in force: the school's own (table {@code document_template}) or the built-in one. An
 * upload is checked before it is stored, within the limits of the questionnaire imports ({@link ImportGuard}: a few
 * at a time; {@link ImportLimits#maxUnpacked()}: bytes unpacked from the archive, counted as they are inflated, so a
 * zip bomb stops early, before POI reads anything): a DOCX without macros that POI opens, whose placeholders are
 * known and which has exactly one row of the pairs. A refused file is never stored; the answer says why in Russian.
 */
@Service
public class OrderTemplates {

    static final String NAME = "pair-order";
    /** A letterhead with a logo is well under this. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_ENTRIES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OrderTemplates.class);

    /** Who uploaded which file when; null fields for the built-in template. */
    public record Info(boolean custom, String fileName, java.time.Instant uploadedAt, String uploadedBy) {
    }

    private final JdbcClient jdbc;
    private final ImportGuard guard;
    private final ImportLimits limits;
    private final SchoolClock clock;

    OrderTemplates(JdbcClient jdbc, ImportGuard guard, ImportLimits limits, SchoolClock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.limits = limits;
        this.clock = clock;
    }

    /** The order as DOCX from the template in force. */
    public byte[] docx(PairOrderDocument.Model model) {
        return OrderTemplate.fill(current(), model);
    }

    public byte[] current() {
        return jdbc.sql("select content from document_template where name = :name").param("name", NAME)
                .query(byte[].class).optional().orElseGet(OrderTemplate::builtIn);
    }

    public Info info() {
        return jdbc.sql("select file_name, uploaded_at, uploaded_by from document_template where name = :name")
                .param("name", NAME).query((rs, n) -> new Info(true, rs.getString("file_name"),
                        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"))).optional()
                .orElse(new Info(false, null, null, null));
    }

    /** Checks and stores the school's template (replacing an earlier one); refused with a Russian reason. */
    @Transactional
    public Info upload(byte[] content, String fileName, String userId) {
        guard.run(() -> {
            check(content, limits.maxUnpacked().toBytes());
            return null;
        });
        jdbc.sql("delete from document_template where name = :name").param("name", NAME).update();
        jdbc.sql("""
                        insert into document_template (name, file_name, content, uploaded_at, uploaded_by)
                        values (:name, :file, :content, :at, :by)""")
                .param("name", NAME).param("file", fileName == null || fileName.isBlank() ? "шаблон.docx"
                        : fileName.strip()).param("content", content).param("at", Timestamp.from(clock.now()))
                .param("by", userId).update();
        return info();
    }

    /** Back to the built-in template. */
    public void reset() {
        jdbc.sql("delete from document_template where name = :name").param("name", NAME).update();
    }

    /** An empty file or one above {@link #MAX_BYTES}, refused before it is read. */
    static void checkSize(long bytes) {
        if (bytes == 0) {
            throw refused("empty file", "Файл пуст");
        }
        if (bytes > MAX_BYTES) {
            throw refused(bytes + " bytes", "Шаблон больше 5 МБ: уменьшите картинки бланка и загрузите снова");
        }
    }

    /** Every reason to refuse the file, the first one found; nothing is stored by this check. */
    static void check(byte[] content, long maxUnpacked) {
        checkSize(content == null ? 0 : content.length);
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
            throw notDocx("not a zip archive");
        }
        boolean document = false;
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            byte[] buffer = new byte[16 * 1024];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("more than " + MAX_ENTRIES + " entries", "В файле слишком много частей: это не "
                            + "похоже на шаблон документа");
                }
                String name = entry.getName();
                document |= name.equals("word/document.xml");
                if (name.toLowerCase().endsWith("vbaproject.bin")) {
                    throw refused("macros (" + name + ")", "Шаблон с макросами не принимается: сохраните его в Word "
                            + "как «Документ Word (*.docx)»");
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > maxUnpacked) {
                        throw refused("more than " + maxUnpacked + " bytes unpacked", "Файл сжат подозрительно "
                                + "сильно (так выглядит «zip-бомба»): сохраните шаблон заново в Word");
                    }
                }
            }
        } catch (IOException e) {
            throw notDocx("unreadable zip: " + e.getMessage());
        }
        if (!document) {
            throw notDocx("no word/document.xml");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<String> problems = OrderTemplate.problems(doc);
            if (!problems.isEmpty()) {
                throw refused("template problems " + problems.size(), String.join("; ", problems));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw notDocx("POI cannot open it: " + e.getMessage());
        }
        OrderTemplate.fill(content, sample());
    }

    private static PairOrderDocument.Model sample() {
        return new PairOrderDocument.Model("Школа", "2026/2027", null, "1", LocalDate.of(2026, 10, 1), "Куратор",
                "Директор", null, List.of(new PairOrderDocument.Row("Наставник", List.of("Наставляемый"),
                "Ученик – ученик", null)));
    }

    private static ValidationException notDocx(String reason) {
        return refused(reason, "Это не документ Word (DOCX): откройте шаблон в Word и сохраните как «Документ Word "
                + "(*.docx)»");
    }

    private static ValidationException refused(String reason, String message) {
        log.warn("Order template refused: {}", reason);
        return new ValidationException("file", message);
    }
}
