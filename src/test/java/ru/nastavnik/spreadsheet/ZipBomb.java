package ru.nastavnik.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A crafted upload for the tests of the reading limits, through {@link SheetReader} and through the API. */
public final class ZipBomb {

    private ZipBomb() {
    }

    /**
     * An XLSX whose one sheet unpacks to about {@code megabytes} MB of rows of long text cells, each with a random
     * number so that it compresses only some 50 times: under POI's zip-bomb ratio (1 : 100), like the file.
     */
    public static byte[] xlsx(int megabytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(9);
        long unpacked = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Анкеты" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8);
            zip.write(head);
            String text = "Иванов Иван Иванович, хочу заниматься робототехникой и шахматами ".repeat(2);
            for (int r = 1; unpacked < megabytes * 1024L * 1024L; r++) {
                StringBuilder row = new StringBuilder("<row r=\"").append(r).append("\">");
                for (int c = 0; c < 100; c++) {
                    row.append("<c t=\"inlineStr\"><is><t>").append(text).append(random.nextInt(1_000_000))
                            .append("</t></is></c>");
                }
                byte[] bytes = row.append("</row>").toString().getBytes(StandardCharsets.UTF_8);
                zip.write(bytes);
                unpacked += bytes.length;
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] file = out.toByteArray();
        assertThat(file.length).as("within the upload limit").isLessThan(SheetReader.MAX_FILE_BYTES);
        assertThat((double) file.length / unpacked).as("above POI's minimum inflate ratio").isGreaterThan(0.01);
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
