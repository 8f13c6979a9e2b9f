package ru.nastavnik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.nastavnik.IntegrationTest;
import ru.nastavnik.RestClient;
import ru.nastavnik.TestParticipants;

/**
 * POST /api/programmes/{id}/preferences/import and its template over real HTTP: a school imported through the
 * questionnaire import, then its preference questionnaires as CSV and as the filled template.
 */
class PreferenceImportApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "ФИО;Класс;Хочу в пару с;Не хочу в пару с";

    @Autowired
    JdbcClient jdbc;

    private RestClient curator;
    private long programme;
    private String path;
    private Map<String, Long> ids;
    private String anna, oleg, petr, ilya, candidate, young, experienced;
    private long annaId, twinId;

    @BeforeEach
    void importSchool() {
        clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        curator = RestClient.as(port, "curator", PASSWORD);
        programme = startProgrammeOverApi("Школа № " + UUID.randomUUID().toString().substring(0, 8),
                "pupil-pupil", "teacher-teacher");
        path = "/api/programmes/" + programme + "/preferences/import";

        anna = TestParticipants.unique("Иванова") + " Анна";
        oleg = TestParticipants.unique("Сидоров") + " Олег";
        petr = TestParticipants.unique("Петров") + " Пётр";
        ilya = TestParticipants.unique("Морозов") + " Илья";
        candidate = TestParticipants.unique("Кандидатова") + " Нина";
        young = TestParticipants.unique("Молодцова") + " Дарья";
        experienced = TestParticipants.unique("Опытнова") + " Галина";
        String parent = ";01.09.2026;Родитель Мария Ивановна;parent@mail.ru";
        List<String> rows = List.of(
                anna + ";10.03.2014;Ученик;6А;;математика;;;Наставляемый;Ученик – ученик;"
                        + "Успеваемость, Олимпиады и конкурсы;;;шахматы;;;;;;;Да" + parent,
                // A namesake of Anna in another class: the files must tell them apart.
                anna + ";11.11.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;Да" + parent,
                oleg + ";11.04.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Спорт;;;футбол;;;;;;;Да" + parent,
                petr + ";01.02.2011;Ученик;9Б;;математика;petr@school.ru;;Наставник;Ученик – ученик;;"
                        + "Успеваемость, Олимпиады и конкурсы;;шахматы;2;;;;;;Да" + parent,
                ilya + ";04.04.2012;Ученик;8А;;;ilya@school.ru;;Наставник;Ученик – ученик;;Спорт;;футбол;1;;;;;;Да"
                        + parent,
                TestParticipants.candidate(candidate, "nina@school.ru"),
                TestParticipants.mentee(young),
                TestParticipants.mentor(experienced, "galina@school.ru"));
        TestParticipants.importRows(port, programme, rows);
        ids = jdbc.sql("""
                        select p.full_name || '|' || coalesce(p.school_class, '') as k, p.id
                        from programme_participant pp join person p on p.id = pp.person_id
                        where pp.programme_id = :programme""")
                .param("programme", programme)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(ids).hasSize(rows.size());
        annaId = id(anna, "6А");
        twinId = id(anna, "7Б");
    }

    private long id(String name, String schoolClass) {
        return ids.get(name + "|" + schoolClass);
    }

    private long id(String name) {
        return id(name, "");
    }

    @Test
    void aCsvStoresEveryonesWishesAndTheProposalHonoursAMutualWish() throws Exception {
        assertThat(pairs()).contains(id(petr, "9Б") + "-" + annaId).doesNotContain(id(ilya, "8А") + "-" + annaId);

        String csv = String.join("\r\n", HEADER,
                anna + ";6 а;" + ilya + ";" + petr.replace("ё", "е"),
                // Anna of 6А is told apart by the class in brackets; a second name ranks second.
                ilya.toUpperCase() + ";;" + anna.replace('ё', 'е') + " (6А), " + oleg + ";",
                "  " + young + " ;;" + candidate + " , " + experienced + ";");
        HttpResponse<String> imported = curator.postFile(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode counts = JSON.readTree(imported.body());
        assertThat(counts.get("participants").asInt()).isEqualTo(3);
        assertThat(counts.get("preferred").asInt()).isEqualTo(5);
        assertThat(counts.get("avoid").asInt()).isEqualTo(1);

        assertThat(wishes(annaId)).containsExactly("prefer:" + id(ilya, "8А"), "avoid:" + id(petr, "9Б"));
        assertThat(wishes(id(ilya, "8А"))).containsExactly("prefer:" + annaId, "prefer:" + id(oleg, "7Б"));
        assertThat(wishes(id(young))).containsExactly("prefer:" + id(candidate), "prefer:" + id(experienced));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'matching.preferences-imported' "
                + "and programme_id = :programme").param("programme", programme).query(Long.class).single())
                .isEqualTo(1);

        assertThat(pairs()).contains(id(ilya, "8А") + "-" + annaId);
    }

    @Test
    void theFilledTemplateReplacesTheWishesOfThePeopleItNames() throws Exception {
        HttpResponse<String> first = curator.postFile(path, "text/csv", String.join("\n", HEADER,
                anna + ";6А;" + ilya + ";", young + ";;" + experienced + ";").getBytes(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        HttpResponse<byte[]> template = curator.download("/api/templates/preferences.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertThat(book.getSheetName(0)).isEqualTo("Предпочтения");
            assertThat(book.getSheet("Инструкция")).isNotNull();
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("ФИО *", "Дата рождения", "Класс", "Хочу в пару с *",
                    "Не хочу в пару с *");
            fill(sheet.createRow(1), anna, "10.03.2014", "", petr, "");
            fill(sheet.createRow(2), oleg, "", "7Б", ilya, petr);
            book.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<String> imported = curator.postMultipart(path, "предпочтения.xlsx", filled);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("participants").asInt()).isEqualTo(2);

        assertThat(wishes(annaId)).containsExactly("prefer:" + id(petr, "9Б"));
        assertThat(wishes(id(oleg, "7Б"))).containsExactly("prefer:" + id(ilya, "8А"), "avoid:" + id(petr, "9Б"));
        assertThat(wishes(id(young))).as("not in the file: kept").containsExactly("prefer:" + id(experienced));
    }

    @Test
    void aFileWithBadRowsIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
        String csv = String.join("\n", HEADER,
                "Неизвестный Человек;;" + ilya + ";",
                anna + ";;" + ilya + ";",
                anna + ";6А;" + oleg + ";",
                ilya + ";;" + ilya + ";",
                petr + ";;" + anna + " (6А);" + anna + " (6а)",
                young + ";;" + experienced + ";",
                young + ";;" + candidate + ";",
                experienced + ";;Нет Такого;" + anna);
        HttpResponse<String> refused = curator.postFile(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("message").asText()).startsWith("Файл не загружен");
        List<String> errors = new ArrayList<>();
        body.get("errors").forEach(e -> errors.add(e.get("row").asText() + " " + e.get("column").asText() + ": "
                + e.get("message").asText()));
        assertThat(errors).containsExactly(
                "2 ФИО: «Неизвестный Человек» нет среди участников программы с согласием на обработку персональных "
                        + "данных",
                "3 ФИО: В программе несколько участников «" + anna + "»: заполните столбец «Дата рождения» или "
                        + "«Класс», чтобы различить их",
                "4 Хочу в пару с: Наставляемый называет наставников, а " + oleg + " — наставляемый",
                "5 Хочу в пару с: Участник не может назвать самого себя",
                "6 Не хочу в пару с: " + anna + " назван(а) и в «Хочу в пару с», и в «Не хочу в пару с»: оставьте "
                        + "в одном столбце",
                "8 ФИО: Повтор: анкета этого участника уже есть в строке 7",
                "9 Хочу в пару с: «Нет Такого» нет среди участников программы с согласием на обработку "
                        + "персональных данных",
                "9 Не хочу в пару с: «" + anna + "»: в программе несколько участников с таким ФИО — допишите в "
                        + "скобках класс или дату рождения, например «" + anna + " (7Б)»");
        assertThat(jdbc.sql("select count(*) from matching_preference where programme_id = :programme")
                .param("programme", programme).query(Long.class).single()).isZero();
    }

    @Test
    void onlyStaffImport() {
        byte[] csv = String.join("\n", HEADER, young + ";;" + experienced + ";").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> mentor = RestClient.as(port, "mentor1", PASSWORD).postFile(path, "text/csv", csv);
        assertThat(mentor.statusCode()).as(mentor.body()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from matching_preference where programme_id = :programme")
                .param("programme", programme).query(Long.class).single()).isZero();
    }

    private static void fill(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    /** A person's stored wishes as «kind:other», preferred ones first by rank. */
    private List<String> wishes(long personId) {
        return jdbc.sql("""
                        select kind, other_person_id from matching_preference
                        where programme_id = :programme and person_id = :person
                        order by case kind when 'prefer' then 0 else 1 end, wish_rank, other_person_id""")
                .param("programme", programme).param("person", personId)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2)).list();
    }

    private Set<String> pairs() throws Exception {
        HttpResponse<String> response = curator.post("/api/programmes/" + programme + "/matching", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> pairs = new HashSet<>();
        for (JsonNode group : JSON.readTree(response.body()).get("groups")) {
            for (JsonNode member : group.get("mentees")) {
                pairs.add(group.get("mentorId").asText() + "-" + member.get("menteeId").asText());
            }
        }
        return pairs;
    }
}
