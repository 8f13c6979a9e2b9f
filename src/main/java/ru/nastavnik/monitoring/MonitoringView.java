package ru.nastavnik.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.Programme;
import ru.nastavnik.programme.ProgrammeService;

/**
 * Everything the monitoring page, its XLSX tables and the final report show, read once for the current user
 * (staff and the coordinator), and the figures the page's charts draw.
 */
@Component
class MonitoringView {

    record View(Programme programme, Dynamics.Report dynamics, Coverage.Report coverage,
                QuestionnaireSummary.Summary questionnaires, Monitoring.Swot swot, Monitoring.Progress progress,
                List<Monitoring.MonthCount> meetings, boolean writer) {
    }

    private final Monitoring monitoring;
    private final ProgrammeService programmes;
    private final MonitoringAccess access;

    MonitoringView(Monitoring monitoring, ProgrammeService programmes, MonitoringAccess access) {
        this.monitoring = monitoring;
        this.programmes = programmes;
        this.access = access;
    }

    View of(long programmeId) {
        access.requireReader();
        Programme programme = programmes.get(programmeId);
        return new View(programme, monitoring.dynamicsOf(programmeId), monitoring.coverageOf(programmeId),
                monitoring.questionnaires(programmeId), monitoring.swot(programmeId),
                monitoring.progressOf(programmeId), monitoring.meetingsByMonth(programmeId), access.writer());
    }

    /** The charts' figures: means entry → exit of the programme's mentees, coverage by class and form, meetings. */
    static Map<String, Object> charts(View v) {
        Map<String, Object> charts = new LinkedHashMap<>();
        List<String> parameters = new ArrayList<>();
        List<BigDecimal> entry = new ArrayList<>();
        List<BigDecimal> exit = new ArrayList<>();
        for (Dynamics.ParameterSummary p : v.dynamics().programme().parameters()) {
            parameters.add(p.parameter().title());
            entry.add(p.meanEntry());
            exit.add(p.meanExit());
        }
        charts.put("dynamics", Map.of("labels", parameters, "entry", entry, "exit", exit));
        charts.put("classes", Map.of("labels", v.coverage().byClass().stream().map(Coverage.Share::label).toList(),
                "shares", v.coverage().byClass().stream().map(s -> percent(s.share())).toList()));
        List<String> forms = new ArrayList<>();
        List<BigDecimal> pupils = new ArrayList<>();
        List<BigDecimal> teachers = new ArrayList<>();
        v.coverage().pupilsByForm().forEach(s -> {
            forms.add(s.label());
            pupils.add(percent(s.share()));
            teachers.add(null);
        });
        v.coverage().teachersByForm().forEach(s -> {
            int i = forms.indexOf(s.label());
            if (i < 0) {
                forms.add(s.label());
                pupils.add(null);
                teachers.add(percent(s.share()));
            } else {
                teachers.set(i, percent(s.share()));
            }
        });
        charts.put("forms", Map.of("labels", forms, "pupils", pupils, "teachers", teachers));
        charts.put("target", percent(Coverage.TARGET));
        charts.put("meetings", Map.of("labels", v.meetings().stream().map(m -> month(m.month())).toList(),
                "held", v.meetings().stream().map(Monitoring.MonthCount::held).toList()));
        return charts;
    }

    private static final String[] MONTHS = {"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт",
            "ноя", "дек"};

    /** «2027-01» → «янв 2027». */
    static String month(String yearMonth) {
        return MONTHS[Integer.parseInt(yearMonth.substring(5)) - 1] + " " + yearMonth.substring(0, 4);
    }

    /** A share 0.7895 as percent 78.9 (one decimal), null stays null. */
    static BigDecimal percent(BigDecimal share) {
        return share == null ? null : share.multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
