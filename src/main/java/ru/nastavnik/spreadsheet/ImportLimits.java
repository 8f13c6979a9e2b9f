package ru.nastavnik.spreadsheet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code nastavnik.import.*}: what one questionnaire file (participants or preferences) may cost the server, so that
 * a crafted file is refused while it is being read instead of filling the heap. A setting left out takes its default.
 *
 * @param maxConcurrent  imports running at once on a node; the next one is answered 429 at once (default 2)
 * @param maxUnpacked    XLSX: bytes unpacked from the archive (sheet, shared strings, styles, workbook) plus the
 *                       characters handed out in cells — a zip bomb or a shared string repeated in every cell stops
 *                       here (default 40MB; a full 10,000-row questionnaire file unpacks to about 15 MB)
 * @param maxRows        non-empty rows read from a file; a safety stop well above the 10,000 questionnaires one
 *                       import takes (default 20,000)
 * @param maxColumns     columns a row may reach (default 200; the templates have fewer than 40)
 * @param maxCellLength  characters in one cell (default 4,000)
 */
@ConfigurationProperties("nastavnik.import")
public record ImportLimits(Integer maxConcurrent, DataSize maxUnpacked, Integer maxRows, Integer maxColumns,
                           Integer maxCellLength) {

    /** The defaults, for code that reads files outside the Spring context (tests, benchmarks). */
    public static final ImportLimits DEFAULTS = new ImportLimits(null, null, null, null, null);

    public ImportLimits {
        maxConcurrent = maxConcurrent == null ? 2 : maxConcurrent;
        maxUnpacked = maxUnpacked == null ? DataSize.ofMegabytes(40) : maxUnpacked;
        maxRows = maxRows == null ? 20_000 : maxRows;
        maxColumns = maxColumns == null ? 200 : maxColumns;
        maxCellLength = maxCellLength == null ? 4_000 : maxCellLength;
        if (maxConcurrent < 1 || maxUnpacked.toBytes() < 1 || maxRows < 1 || maxColumns < 1 || maxCellLength < 1) {
            throw new IllegalArgumentException("nastavnik.import.* limits must be positive");
        }
    }
}
