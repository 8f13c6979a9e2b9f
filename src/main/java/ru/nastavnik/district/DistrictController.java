package ru.nastavnik.district;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nastavnik.spreadsheet.SheetTemplate;
import ru.nastavnik.security.CurrentUser;
import ru.nastavnik.security.Groups;
import ru.nastavnik.shared.HtmlPage;
import ru.nastavnik.shared.PageTemplates;
import ru.nastavnik.shared.SchoolClock;

/** {@code /district}: the coordinator's schools side by side, sortable, and the same table as XLSX. */
@HtmlPage
@RestController
class DistrictController {

    static final String REFUSAL = "Сводку по школам муниципалитета видит координатор";

    /** A column heading: a link that sorts by it (down when it sorts up already), with the mark of the order. */
    record Heading(String key, String title, String href, String mark, boolean numeric) {
    }

    /** The sums of the table's counts, and the shares over all its schools. */
    record Totals(long overdue, long mentees, long mentors, long active, long finished, long ended, Integer onPlan,
                  Integer feedback) {
    }

    private final DistrictTable table;
    private final Municipalities municipalities;
    private final PageTemplates pages;
    private final CurrentUser currentUser;
    private final SchoolClock clock;

    DistrictController(DistrictTable table, Municipalities municipalities, PageTemplates pages,
                       CurrentUser currentUser, SchoolClock clock) {
        this.table = table;
        this.municipalities = municipalities;
        this.pages = pages;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping(path = "/district", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) String sort) {
        List<DistrictTable.School> schools = DistrictTable.sorted(ownSchools(), sort);
        String current = sort == null ? DistrictTable.Column.SCHOOL.key() : sort;
        return pages.render(HttpStatus.OK, "district", Map.of("title", "Школы муниципалитета",
                "user", currentUser.id(), "municipalities", municipalities.ofCoordinator(currentUser.id()),
                "schools", schools, "headings", headings(current), "totals", totals(schools),
                "today", clock.today().format(SchoolClock.RUSSIAN_DATE), "sort", current));
    }

    @GetMapping("/district.xlsx")
    ResponseEntity<byte[]> xlsx() {
        return SheetTemplate.download("district-" + clock.today() + ".xlsx", DistrictSheet.xlsx(ownSchools()));
    }

    private List<DistrictTable.School> ownSchools() {
        currentUser.requireAnyGroup(List.of(Groups.COORDINATOR), REFUSAL);
        return table.schools(municipalities.programmeIds(currentUser.id()));
    }

    private static List<Heading> headings(String sort) {
        return Arrays.stream(DistrictTable.Column.values()).map(c -> {
            boolean up = c.key().equals(sort);
            boolean down = ("-" + c.key()).equals(sort);
            return new Heading(c.key(), c.heading(), "/district?sort=" + (up ? "-" : "") + c.key(),
                    up ? "▲" : down ? "▼" : "", c.ordinal() >= DistrictTable.Column.OVERDUE.ordinal());
        }).toList();
    }

    private static Totals totals(List<DistrictTable.School> s) {
        long working = s.stream().mapToLong(DistrictTable.School::workingPairs).sum();
        long sent = s.stream().mapToLong(DistrictTable.School::feedbackSent).sum();
        return new Totals(s.stream().mapToLong(DistrictTable.School::overdueCount).sum(),
                s.stream().mapToLong(DistrictTable.School::mentees).sum(),
                s.stream().mapToLong(DistrictTable.School::mentors).sum(),
                s.stream().mapToLong(DistrictTable.School::activePairs).sum(),
                s.stream().mapToLong(DistrictTable.School::finishedPairs).sum(),
                s.stream().mapToLong(DistrictTable.School::endedPairs).sum(),
                DistrictTable.percent(s.stream().mapToLong(DistrictTable.School::pairsOnPlan).sum(), working),
                DistrictTable.percent(s.stream().mapToLong(DistrictTable.School::feedbackAnswered).sum(), sent));
    }
}
