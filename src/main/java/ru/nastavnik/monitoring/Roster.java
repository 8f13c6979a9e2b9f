package ru.nastavnik.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nastavnik.spreadsheet.ImportError;
import ru.nastavnik.spreadsheet.ImportLimits;
import ru.nastavnik.spreadsheet.ImportRejectedException;
import ru.nastavnik.spreadsheet.SheetReader;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.participant.Text;
import ru.nastavnik.programme.ProgrammeService;
import ru.nastavnik.shared.AuditLog;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ValidationException;

/**
 * The school's roster for the coverage KPI: the number of pupils of each class and of teachers (counts, no names).
 * Typed through the API or imported from a file of two columns «Класс» (a class, or «Педагоги») and «Численность»;
 * either replaces the whole roster, and a file is taken whole or not at all.
 */
@Service
public class Roster {

    private static final Logger log = LoggerFactory.getLogger(Roster.class);

    static final String CLASS_HEADER = "Класс";
    static final String COUNT_HEADER = "Численность";
    static final String TEACHERS = "Педагоги";
    static final int MAX_HEADCOUNT = 10_000;

    /** @param classes class → pupils, e.g. «7Б» → 26 */
    public record Counts(Map<String, Integer> classes, Integer teachers) {
    }

    private final JdbcClient jdbc;
    private final MonitoringAccess access;
    private final ProgrammeService programmes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ImportLimits limits;

    Roster(JdbcClient jdbc, MonitoringAccess access, ProgrammeService programmes, AuditLog audit,
           ApplicationEventPublisher events, ImportLimits limits) {
        this.jdbc = jdbc;
        this.access = access;
        this.programmes = programmes;
        this.audit = audit;
        this.events = events;
        this.limits = limits;
    }

    public Counts get(long programmeId) {
        access.requireReader();
        programmes.get(programmeId);
        return counts(lines(programmeId));
    }

    /** Replaces the roster with typed counts; every problem refused at once, in Russian. */
    @Transactional
    public Counts replace(long programmeId, Counts typed) {
        access.requireWriter();
        programmes.get(programmeId);
        List<ValidationException.FieldError> errors = new ArrayList<>();
        List<Coverage.RosterLine> lines = new ArrayList<>();
        Map<String, Integer> classes = typed == null || typed.classes() == null ? Map.of() : typed.classes();
        classes.forEach((name, count) -> {
            String schoolClass = InputText.hasControl(name, false) ? null : Text.schoolClass(name);
            if (schoolClass == null) {
                errors.add(new ValidationException.FieldError("classes", "Неизвестный класс «" + InputText.forLog(name)
                        + "»: нужны номер 1–11 и буква, например «7Б»"));
            } else if (lines.stream().anyMatch(l -> l.schoolClass().equals(schoolClass))) {
                errors.add(new ValidationException.FieldError("classes", "Класс " + schoolClass + " указан дважды"));
            } else if (count == null || count < 0 || count > MAX_HEADCOUNT) {
                errors.add(new ValidationException.FieldError("classes", "Численность класса " + schoolClass
                        + " — целое число от 0 до " + MAX_HEADCOUNT));
            } else {
                lines.add(new Coverage.RosterLine(Coverage.PUPIL, schoolClass, count));
            }
        });
        Integer teachers = typed == null ? null : typed.teachers();
        if (teachers != null && (teachers < 0 || teachers > MAX_HEADCOUNT)) {
            errors.add(new ValidationException.FieldError("teachers", "Число педагогов — целое число от 0 до "
                    + MAX_HEADCOUNT));
        } else if (teachers != null) {
            lines.add(new Coverage.RosterLine(Coverage.TEACHER, "", teachers));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        store(programmeId, lines);
        return counts(lines(programmeId));
    }

    /** Replaces the roster from a file; returns the number of lines stored. */
    @Transactional
    public int importFile(long programmeId, byte[] content) {
        access.requireWriter();
        programmes.get(programmeId);
        List<ImportError> errors = new ArrayList<>();
        List<Coverage.RosterLine> lines = parse(content, errors);
        if (!errors.isEmpty()) {
            log.info("Roster import into programme {} refused: {} problem(s)", programmeId, errors.size());
            throw new ImportRejectedException(errors);
        }
        store(programmeId, lines);
        return lines.size();
    }

    List<Coverage.RosterLine> lines(long programmeId) {
        return jdbc.sql("select * from school_roster where programme_id = :programme order by category, school_class")
                .param("programme", programmeId)
                .query((rs, n) -> new Coverage.RosterLine(rs.getString("category"), rs.getString("school_class"),
                        rs.getInt("headcount"))).list();
    }

    private void store(long programmeId, List<Coverage.RosterLine> lines) {
        jdbc.sql("delete from school_roster where programme_id = :programme").param("programme", programmeId).update();
        for (Coverage.RosterLine l : lines) {
            jdbc.sql("""
                            insert into school_roster (programme_id, category, school_class, headcount)
                            values (:programme, :category, :class, :count)""")
                    .param("programme", programmeId).param("category", l.category()).param("class", l.schoolClass())
                    .param("count", l.headcount()).update();
        }
        audit.record(access.user(), "monitoring.roster", programmeId, null, "lines=" + lines.size());
        events.publishEvent(new MonitoringUpdated(programmeId, MonitoringUpdated.ROSTER));
    }

    private List<Coverage.RosterLine> parse(byte[] content, List<ImportError> errors) {
        List<SheetReader.SheetRow> rows;
        try {
            rows = SheetReader.read(content, limits);
        } catch (SheetReader.UnreadableFileException e) {
            errors.add(new ImportError(null, null, e.getMessage()));
            return List.of();
        }
        int header = -1;
        int classColumn = -1;
        int countColumn = -1;
        for (int i = 0; i < Math.min(rows.size(), 30) && header < 0; i++) {
            List<String> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                if (SheetTemplate.matchesHeader(cells.get(c), CLASS_HEADER, List.of("Класс или группа"))) {
                    classColumn = c;
                } else if (SheetTemplate.matchesHeader(cells.get(c), COUNT_HEADER, List.of("Количество", "Число", "Человек"))) {
                    countColumn = c;
                }
            }
            if (classColumn >= 0 && countColumn >= 0) {
                header = i;
            } else {
                classColumn = -1;
                countColumn = -1;
            }
        }
        if (header < 0) {
            errors.add(new ImportError(null, null, "Не найдена строка заголовков со столбцами «" + CLASS_HEADER
                    + "» и «" + COUNT_HEADER + "»"));
            return List.of();
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Coverage.RosterLine> lines = new ArrayList<>();
        for (SheetReader.SheetRow row : rows.subList(header + 1, rows.size())) {
            String name = row.cell(classColumn);
            String countText = Text.clean(row.cell(countColumn));
            if (InputText.hasControl(name, false) || InputText.hasControl(countText, false)) {
                errors.add(new ImportError(row.number(), CLASS_HEADER, InputText.refusal(CLASS_HEADER)));
                continue;
            }
            boolean teachers = InputText.key(name).equals(InputText.key(TEACHERS)) || InputText.key(name).equals(InputText.key("Педагог"));
            String schoolClass = teachers ? "" : Text.schoolClass(name);
            if (schoolClass == null) {
                errors.add(new ImportError(row.number(), CLASS_HEADER, "Неизвестный класс «" + Text.clean(name)
                        + "»: нужны номер 1–11 и буква («7Б») или слово «" + TEACHERS + "»"));
                continue;
            }
            Integer count = headcount(countText);
            if (count == null) {
                errors.add(new ImportError(row.number(), COUNT_HEADER, "Численность — целое число от 0 до "
                        + MAX_HEADCOUNT + ", а не «" + (countText == null ? "" : countText) + "»"));
                continue;
            }
            Integer first = seen.putIfAbsent(schoolClass, row.number());
            if (first != null) {
                errors.add(new ImportError(row.number(), CLASS_HEADER, (teachers ? "Педагоги" : "Класс " + schoolClass)
                        + " уже указаны в строке " + first));
                continue;
            }
            lines.add(new Coverage.RosterLine(teachers ? Coverage.TEACHER : Coverage.PUPIL, schoolClass, count));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(null, null, "В файле нет ни одной строки под заголовками"));
        }
        return lines;
    }

    private static Integer headcount(String text) {
        if (text == null) {
            return null;
        }
        try {
            int n = new java.math.BigDecimal(text.replace(',', '.')).intValueExact();
            return n < 0 || n > MAX_HEADCOUNT ? null : n;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Counts counts(List<Coverage.RosterLine> lines) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        Integer teachers = null;
        for (Coverage.RosterLine l : lines.stream().sorted((a, b) -> Coverage.compareClasses(a.schoolClass(),
                b.schoolClass())).toList()) {
            if (Coverage.TEACHER.equals(l.category())) {
                teachers = l.headcount();
            } else {
                classes.put(l.schoolClass(), l.headcount());
            }
        }
        return new Counts(classes, teachers);
    }
}
