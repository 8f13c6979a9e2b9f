package ru.nastavnik.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.nastavnik.spreadsheet.SheetTemplate;

/** The one place of input hygiene, from the attacker's side: what they send comes out harmless. */
class InputTextTest {

    @Test
    void refusesNulEscapesAndC1ButLetsLineBreaksIntoMultiLineText() {
        assertThat(InputText.hasControl("Школа\u0000", false)).isTrue();
        assertThat(InputText.hasControl("Школа\u001B[31m", false)).isTrue();
        assertThat(InputText.hasControl("Школа\u0085", false)).isTrue();
        assertThat(InputText.hasControl("две\nстроки", false)).isTrue();
        assertThat(InputText.hasControl("две\r\nстроки\tи табуляция", true)).isFalse();
        assertThat(InputText.hasControl("две\u0000строки", true)).isTrue();
        assertThat(InputText.hasControl("Школа № 1", false)).isFalse();
        assertThat(InputText.check("schoolName", InputText.label("schoolName"), "a\u0000", false))
                .hasValueSatisfying(e -> assertThat(e.message())
                        .isEqualTo("Поле «Название школы» содержит недопустимые символы"));
        assertThat(InputText.label("roadmapOverrides[0].title")).isEqualTo("Название");
        assertThat(InputText.label("whatever")).isEqualTo("whatever");
    }

    @Test
    void normalisesEveryKindOfSpaceAndInvisibleCharactersOutOfNames() {
        assertThat(InputText.name("\u00A0Школа\u202F№\u2007 1\u3000")).isEqualTo("Школа № 1");
        assertThat(InputText.name("Шк\u200Bола\u200D № \uFEFF1\u2060")).isEqualTo("Школа № 1");
        // «й» as «и» + combining breve becomes the one composed letter.
        assertThat(InputText.name("Гимназия Чайка".replace("й", "и\u0306"))).isEqualTo("Гимназия Чайка");
        assertThat(InputText.name("\u00A0\u00A0\u200B")).isNull();
        assertThat(InputText.name(null)).isNull();
    }

    @Test
    void hostileMarkdownComesOutInert() {
        String link = InputText.markdown("[click](http://evil)");
        String image = InputText.markdown("![x](http://evil/a.png)");
        String auto = InputText.markdown("www.evil.com <http://evil> | cell\n# heading");
        // Every opening of link or image syntax is escaped; nothing unescaped is left to form one.
        assertThat(link).isEqualTo("\\[click\\]\\(http\\:\\/\\/evil\\)");
        assertThat(image).isEqualTo("\\!\\[x\\]\\(http\\:\\/\\/evil\\/a\\.png\\)");
        for (String s : new String[] {link, image, auto}) {
            assertThat(s.replaceAll("\\\\[!-/:-@\\[-`{-~]", "")).doesNotContainPattern("[\\[\\]()!<>|#:]");
        }
        assertThat(auto).doesNotContain("\n").contains("www\\.evil\\.com", "\\|");
        assertThat(InputText.markdown("Иванов Иван")).isEqualTo("Иванов Иван");
    }

    @Test
    void aFormulaLikeTemplateCellIsTextThatStaysText() throws IOException {
        byte[] xlsx = SheetTemplate.build((book, bold) -> {
            var row = book.createSheet("Лист").createRow(0);
            SheetTemplate.text(row, 0, "=HYPERLINK(\"http://evil\",\"Нажмите\")");
            SheetTemplate.text(row, 1, "@SUM(1+1)");
            SheetTemplate.text(row, 2, "Обычный текст");
        });
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheetAt(0).getRow(0);
            for (int c = 0; c < 2; c++) {
                Cell cell = row.getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(row.getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(row.getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
        }
        assertThat(InputText.formulaLike("-1")).isTrue();
        assertThat(InputText.formulaLike("\t=1")).isTrue();
        assertThat(InputText.formulaLike("Иванов")).isFalse();
    }

    @Test
    void logValuesCarryNoTerminalEscapesNorForgedLines() {
        assertThat(InputText.forLog("admin\u001B[2J\nINFO forged")).isEqualTo("admin\\u001B[2J\\u000AINFO forged");
        assertThat(InputText.forLog(null)).isEqualTo("null");
    }
}
