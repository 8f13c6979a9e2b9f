package ru.nastavnik.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.spreadsheet.ImportError;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.SheetReader;

/** The importer on messy files as schools really send them, without Spring or a database. */
class ParticipantImporterTest {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 15);
    static final Set<MentorshipForm> FORMS = EnumSet.of(MentorshipForm.PUPIL_PUPIL, MentorshipForm.TEACHER_TEACHER,
            MentorshipForm.TEACHER_PUPIL);

    static final String HEADER = "ФИО;Дата рождения;Категория;Класс;Стаж, лет;Предметы;Email;Телефон;Роль;"
            + "Формы наставничества;Запросы;Компетенции;Комментарий;Интересы;Число наставляемых;Вовлечённость;"
            + "Активность;Самооценка;Тревожность;Средний балл;Согласие на обработку ПД;Дата согласия;"
            + "Законный представитель;Email представителя";

    /** Three good rows: a minor pupil mentee, a pupil mentor of 17, an adult teacher mentor. */
    static final List<String> GOOD = List.of(
            "  Семёнов  Пётр Ильич ;05.03.2013;ученик;7 б;;математика;;;Наставляемый;Ученик – ученик;"
                    + "Успеваемость, мотивация к учебе;;Трудно с алгеброй;футбол;;2;3;2;4;3,4;Да;01.09.2026;"
                    + "Семёнова Анна Петровна;anna.semenova@mail.ru",
            "Орлова Мария;2009-11-20;Ученица;10-А;;;maria@school.ru;+7 (900) 123-45-67;Наставник;ученик-ученик;;"
                    + "Успеваемость;;;2;;;;;;да;;Орлов Иван Петрович;orlov@mail.ru",
            "Кузнецова Елена Викторовна ;12.07.1980;Учитель;;25;Русский язык;Kuznetsova@School.RU;89001112233;"
                    + "Кандидат в наставники;Учитель-учитель;;Методика преподавания, классное руководство;;;3;;;;;;"
                    + "Да;;;");

    static byte[] csv(Iterable<String> lines, java.nio.charset.Charset charset) {
        return String.join("\r\n", lines).getBytes(charset);
    }

    static List<String> withHeader(String title, List<String> rows) {
        List<String> lines = new java.util.ArrayList<>();
        if (title != null) {
            lines.add(title);
        }
        lines.add(HEADER);
        lines.addAll(rows);
        return lines;
    }

    @Test
    void readsUtf8SemicolonCsvWithATitleRowTrailingSpacesYoAndClassSpellings() {
        ParticipantImporter.Result result = ParticipantImporter.parse(
                csv(withHeader("Анкеты участников программы наставничества 2026/2027;;;", GOOD), StandardCharsets.UTF_8),
                TODAY, FORMS, ImportLimits.DEFAULTS);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).hasSize(3);
        ParticipantRow pupil = result.rows().get(0);
        assertThat(pupil.row()).isEqualTo(3);
        assertThat(pupil.fullName()).isEqualTo("Семёнов Пётр Ильич");
        assertThat(pupil.key().nameKey()).isEqualTo("семенов петр ильич");
        assertThat(pupil.birthDate()).isEqualTo(LocalDate.of(2013, 3, 5));
        assertThat(pupil.category()).isEqualTo(Category.PUPIL);
        assertThat(pupil.schoolClass()).isEqualTo("7Б");
        assertThat(pupil.role()).isEqualTo(ParticipantRole.MENTEE);
        assertThat(pupil.forms()).containsExactly(MentorshipForm.PUPIL_PUPIL);
        assertThat(pupil.requests()).containsExactly(Topic.ACADEMIC_PERFORMANCE, Topic.LEARNING_MOTIVATION);
        assertThat(pupil.assessment()).isEqualTo(new EntryAssessment(2, 3, 2, 4, new BigDecimal("3.40")));
        assertThat(pupil.capacity()).isNull();
        assertThat(pupil.minor()).isTrue();
        assertThat(pupil.consentGivenBy()).isEqualTo("Семёнова Анна Петровна");
        assertThat(pupil.consentGivenOn()).isEqualTo(LocalDate.of(2026, 9, 1));

        ParticipantRow mentor = result.rows().get(1);
        assertThat(mentor.schoolClass()).isEqualTo("10А");
        assertThat(mentor.phone()).isEqualTo("+79001234567");
        assertThat(mentor.capacity()).isEqualTo(2);
        assertThat(mentor.competencies()).containsExactly(Topic.ACADEMIC_PERFORMANCE);
        assertThat(mentor.consentGivenOn()).isEqualTo(TODAY);

        ParticipantRow teacher = result.rows().get(2);
        assertThat(teacher.fullName()).isEqualTo("Кузнецова Елена Викторовна");
        assertThat(teacher.email()).isEqualTo("kuznetsova@school.ru");
        assertThat(teacher.phone()).isEqualTo("+79001112233");
        assertThat(teacher.experienceYears()).isEqualTo(25);
        assertThat(teacher.role()).isEqualTo(ParticipantRole.MENTOR_CANDIDATE);
        assertThat(teacher.forms()).containsExactly(MentorshipForm.TEACHER_TEACHER);
        assertThat(teacher.competencies()).containsExactly(Topic.TEACHING_METHODS, Topic.CLASS_TEACHER);
        assertThat(teacher.capacity()).isEqualTo(3);
        assertThat(teacher.minor()).isFalse();
        assertThat(teacher.consentGivenBy()).isEqualTo("self");
    }

    @Test
    void readsWindows1251AndUtf8WithBomAlike() {
        byte[] cp1251 = csv(withHeader(null, GOOD), SheetReader.WINDOWS_1251);
        ParticipantImporter.Result fromCp1251 = ParticipantImporter.parse(cp1251, TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(fromCp1251.errors()).isEmpty();
        assertThat(fromCp1251.rows()).extracting(ParticipantRow::fullName)
                .containsExactly("Семёнов Пётр Ильич", "Орлова Мария", "Кузнецова Елена Викторовна");

        byte[] utf8 = csv(withHeader(null, GOOD), StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        ParticipantImporter.Result fromBom = ParticipantImporter.parse(bom, TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(fromBom.errors()).isEmpty();
        assertThat(fromBom.rows()).extracting(ParticipantRow::fingerprint)
                .isEqualTo(fromCp1251.rows().stream().map(ParticipantRow::fingerprint).toList());
    }

    @Test
    void readsCommaSeparatedCsvWithQuotedListsQuotesAndLineBreaks() {
        String csv = String.join("\n",
                "\"ФИО\",\"Дата рождения\",\"Категория\",\"Класс\",\"Роль\",\"Формы\",\"Запросы\",\"Комментарий\","
                        + "\"Согласие\",\"Законный представитель\",\"Email представителя\"",
                "\"Иванов Иван\",\"01.02.2012\",\"Ученик\",\"7-Б\",\"Наставляемый\","
                        + "\"Ученик – ученик, Учитель – ученик\",\"Адаптация в коллективе; спорт\","
                        + "\"Говорит: \"\"не с кем дружить\"\",\nперешёл из другой школы\",\"да\","
                        + "\"Иванова Ольга\",\"olga@ya.ru\"",
                "");
        ParticipantImporter.Result result = ParticipantImporter.parse(csv.getBytes(StandardCharsets.UTF_8), TODAY, FORMS, ImportLimits.DEFAULTS);

        assertThat(result.errors()).isEmpty();
        ParticipantRow row = result.rows().get(0);
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.schoolClass()).isEqualTo("7Б");
        assertThat(row.forms()).containsExactly(MentorshipForm.PUPIL_PUPIL, MentorshipForm.TEACHER_PUPIL);
        assertThat(row.requests()).containsExactly(Topic.ADAPTATION, Topic.SPORT);
        assertThat(row.details()).isEqualTo("Говорит: \"не с кем дружить\", перешёл из другой школы");
    }

    @Test
    void readsXlsxWithTitleRowsMergedCellsAndExcelDates() throws IOException {
        byte[] xlsx = xlsx(true);
        ParticipantImporter.Result result = ParticipantImporter.parse(xlsx, TODAY, FORMS, ImportLimits.DEFAULTS);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).hasSize(2);
        ParticipantRow pupil = result.rows().get(0);
        assertThat(pupil.row()).isEqualTo(4);
        assertThat(pupil.fullName()).isEqualTo("Алёшина Дарья Сергеевна");
        assertThat(pupil.birthDate()).isEqualTo(LocalDate.of(2014, 4, 1));
        assertThat(pupil.schoolClass()).isEqualTo("6В");
        assertThat(pupil.assessment().averageGrade()).isEqualByComparingTo("4.5");
        assertThat(pupil.assessment().engagement()).isEqualTo(3);
        ParticipantRow teacher = result.rows().get(1);
        assertThat(teacher.experienceYears()).isEqualTo(2);
        assertThat(teacher.role()).isEqualTo(ParticipantRole.MENTEE);
        assertThat(teacher.requests()).containsExactly(Topic.YOUNG_SPECIALIST);
    }

    /** Two title rows (one merged across the table) above the header, as Excel exports from school systems look. */
    static byte[] xlsx(boolean withTitles) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Лист1");
            int r = 0;
            if (withTitles) {
                sheet.createRow(r++).createCell(0).setCellValue("МБОУ «СОШ № 5»: анкеты наставляемых");
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
                sheet.createRow(r++).createCell(2).setCellValue("Выгрузка от 10.09.2026");
            }
            String[] header = {"Ф.И.О.", "Дата рождения *", "Категория", "Класс", "Стаж", "Роль в программе",
                    "Форма наставничества", "Запросы", "Вовлеченность", "Средний балл", "Согласие на обработку ПД",
                    "ФИО законного представителя", "E-mail представителя"};
            Row h = sheet.createRow(r++);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Row pupil = sheet.createRow(r++);
            pupil.createCell(0).setCellValue("Алёшина   Дарья Сергеевна ");
            pupil.createCell(1).setCellValue(LocalDate.of(2014, 4, 1));
            pupil.getCell(1).setCellStyle(date);
            pupil.createCell(2).setCellValue("Ученик");
            pupil.createCell(3).setCellValue("6 в");
            pupil.createCell(5).setCellValue("Наставляемый");
            pupil.createCell(6).setCellValue("Ученик — ученик");
            pupil.createCell(7).setCellValue("Коммуникативные навыки");
            pupil.createCell(8).setCellValue(3);
            pupil.createCell(9).setCellValue(4.5);
            pupil.createCell(10).setCellValue("Да");
            pupil.createCell(11).setCellValue("Алёшин Сергей");
            pupil.createCell(12).setCellValue("aleshin@mail.ru");
            Row teacher = sheet.createRow(r++);
            teacher.createCell(0).setCellValue("Петрова Ирина");
            teacher.createCell(1).setCellValue("03.03.2001");
            teacher.createCell(2).setCellValue("Педагог");
            teacher.createCell(4).setCellValue(2);
            teacher.createCell(5).setCellValue("наставляемый");
            teacher.createCell(6).setCellValue("Учитель – учитель");
            teacher.createCell(7).setCellValue("Адаптация молодого специалиста");
            teacher.createCell(10).setCellValue(true);
            sheet.createRow(r + 3).createCell(0).setCellValue("  ");
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void listsEveryBadRowAndColumnAndReturnsNoRows() {
        List<String> rows = new java.util.ArrayList<>(GOOD);
        rows.add("Смирнов Олег;01.01.2030;Ученик;12Ж;;;oleg@;;Наставляемый;Робот – ученик;Успеваемость;;;;;7;;;;;"
                + "Да;;;");                                                                  // row 5
        rows.add("Лебедева Анна;10.10.2012;Ученик;5А;;;;;Наставляемый;Ученик – ученик;Успеваемость;;;;;;;;;;"
                + "Нет;;;");                                                                 // row 6: minor, no consent
        rows.add("СЕМЕНОВ ПЕТР  ИЛЬИЧ;05.03.2013;Ученик;7Б;;;;;Наставляемый;Ученик – ученик;Спорт;;;;;;;;;;"
                + "Да;;Семёнова Анна;anna@mail.ru");                                         // row 7: same as row 2
        rows.add("Зайцев Кирилл;15.05.2011;Ученик;9Б;;;;;Наставляемый;Работодатель – ученик;Шахматы;;;;;;;;;;"
                + "Да;;Зайцева Ольга;olga@mail");                                            // row 8
        rows.add("Попов;01.01.1990;Пенсионер;;;;;;Наставник;Ученик – ученик;;;;;;;;;;;Да;;;"); // row 9
        ParticipantImporter.Result result = ParticipantImporter.parse(csv(withHeader(null, rows), StandardCharsets.UTF_8),
                TODAY, FORMS, ImportLimits.DEFAULTS);

        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).extracting(ImportError::row).containsOnly(5, 6, 7, 8, 9);
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(5);
            assertThat(e.column()).isEqualTo("Дата рождения");
            assertThat(e.message()).contains("ещё не наступила");
        });
        assertThat(result.errors()).filteredOn(e -> e.row() == 5).extracting(ImportError::column)
                .contains("Класс", "Email", "Формы наставничества", "Вовлечённость");
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(6);
            assertThat(e.column()).isEqualTo("Согласие на обработку ПД");
            assertThat(e.message()).contains("Нет согласия законного представителя");
        });
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(7);
            assertThat(e.column()).isEqualTo("ФИО");
            assertThat(e.message()).contains("строке 2");
        });
        assertThat(result.errors()).filteredOn(e -> e.row() == 8).extracting(ImportError::message)
                .anyMatch(m -> m.contains("не выбрана в этой программе"))
                .anyMatch(m -> m.contains("«Шахматы»"))
                .anyMatch(m -> m.contains("olga@mail"));
        assertThat(result.errors()).filteredOn(e -> e.row() == 9).extracting(ImportError::column)
                .contains("ФИО", "Категория", "Компетенции", "Email");
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsOrWithoutAHeader() {
        ParticipantImporter.Result missing = ParticipantImporter.parse(
                "ФИО;Дата рождения;Категория;Класс\nИванов Иван;01.01.2012;Ученик;5А\n".getBytes(StandardCharsets.UTF_8),
                TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(missing.errors()).extracting(ImportError::column)
                .containsExactly("Роль", "Формы наставничества", "Согласие на обработку ПД");
        assertThat(missing.errors()).allSatisfy(e -> assertThat(e.row()).isEqualTo(1));

        ParticipantImporter.Result noHeader = ParticipantImporter.parse(
                "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8), TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(noHeader.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isNull();
            assertThat(e.message()).contains("Не найдена строка заголовков");
        });

        ParticipantImporter.Result xls = ParticipantImporter.parse(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(xls.errors()).singleElement().extracting(ImportError::message).asString().contains("XLS");
    }

    @Test
    void theSameRowGivesTheSameFingerprintAndAChangedOneAnother() {
        var first = ParticipantImporter.parse(csv(withHeader(null, GOOD), StandardCharsets.UTF_8), TODAY, FORMS, ImportLimits.DEFAULTS);
        var again = ParticipantImporter.parse(csv(withHeader("Повторная выгрузка", GOOD), SheetReader.WINDOWS_1251),
                TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(again.rows().get(0).fingerprint()).isEqualTo(first.rows().get(0).fingerprint());
        var changed = ParticipantImporter.parse(csv(withHeader(null,
                List.of(GOOD.get(0).replace(";2;3;2;4;", ";3;3;2;4;"))), StandardCharsets.UTF_8), TODAY, FORMS, ImportLimits.DEFAULTS);
        assertThat(changed.rows().get(0).key()).isEqualTo(first.rows().get(0).key());
        assertThat(changed.rows().get(0).fingerprint()).isNotEqualTo(first.rows().get(0).fingerprint());
    }

    @Test
    void normalisesClassesNamesAndForms() {
        assertThat(Text.schoolClass("7 б")).isEqualTo("7Б");
        assertThat(Text.schoolClass("7-Б")).isEqualTo("7Б");
        assertThat(Text.schoolClass("7б")).isEqualTo("7Б");
        assertThat(Text.schoolClass("11 «А»")).isEqualTo("11А");
        assertThat(Text.schoolClass("7B")).isEqualTo("7В");
        assertThat(Text.schoolClass("12А")).isNull();
        assertThat(Text.schoolClass("0А")).isNull();
        assertThat(Text.schoolClass("7")).isNull();
        assertThat(Text.nameKey("  Алёна   Фёдорова ")).isEqualTo("алена федорова");
        assertThat(Forms.parse("Ученик-ученик")).contains(MentorshipForm.PUPIL_PUPIL);
        assertThat(Forms.parse("«педагог – педагог»")).contains(MentorshipForm.TEACHER_TEACHER);
        assertThat(Forms.parse("employer-student")).contains(MentorshipForm.EMPLOYER_STUDENT);
        assertThat(Forms.parse("Работодатель —  ученик")).contains(MentorshipForm.EMPLOYER_PUPIL);
        assertThat(Topic.parse("мотивация к учебе")).contains(Topic.LEARNING_MOTIVATION);
        assertThat(Category.parse("Учитель")).contains(Category.TEACHER);
    }
}
