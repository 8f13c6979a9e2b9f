package ru.nastavnik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The email templates without the app: data stays text in the HTML, and every subject names the school. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void aHostileReasonStaysTextInTheHtmlAndTheSubjectNamesTheSchool() {
        MailContent mail = templates.render("pair-ended", pairEnded("МБОУ СОШ № 6",
                "<a href=\"http://evil.example\">подробнее</a><script>alert(1)</script>"));
        assertThat(mail.subject()).isEqualTo("Наставничество завершено досрочно — МБОУ СОШ № 6");
        assertThat(mail.html()).doesNotContain("<a href=\"http://evil.example\"", "<script>")
                .contains("&lt;a href=").contains("&lt;script&gt;");
        assertThat(mail.text()).contains("Причина: <a href=").endsWith(MailTemplates.SIGNATURE);
        assertThat(mail.html()).contains(MailTemplates.SIGNATURE);
    }

    @Test
    void everySubjectNamesTheSchoolOrATaskWhoseNameEndsWithIt() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/mail"))) {
            List<Path> texts = files.filter(f -> f.toString().endsWith(".txt")).toList();
            assertThat(texts).hasSizeGreaterThan(10);
            for (Path text : texts) {
                String subject = Files.readAllLines(text).get(0);
                if (text.endsWith("mail-problems.txt") || text.endsWith("task-digest.txt")
                        || text.endsWith("district-overdue.txt")) {
                    continue; // a list may span every school the person works for; each line names its own
                }
                assertThat(subject).as(text.toString()).containsAnyOf("${school}", "${task}");
            }
        }
    }

    private static Map<String, Object> pairEnded(String school, String reason) {
        Map<String, Object> model = new HashMap<>();
        model.put(MailTemplates.SCHOOL, school);
        model.put("year", "2026/2027");
        model.put("name", "Петров Пётр");
        model.put("mentor", "Петров Пётр");
        model.put("mentees", "Иванова Анна");
        model.put("group", false);
        model.put("reason", reason);
        model.put("toMentor", true);
        return model;
    }
}
