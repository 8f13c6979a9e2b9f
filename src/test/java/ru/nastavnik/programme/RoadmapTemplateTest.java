package ru.nastavnik.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoadmapTemplateTest {

    private static final SchoolYear YEAR = SchoolYear.parse("2026/2027").orElseThrow();

    private final List<RoadmapItem> items = new RoadmapTemplate().itemsFor(YEAR);

    @Test
    void hasTheSeedsThirtyFiveItemsInSevenStages() {
        assertThat(items).hasSize(35);
        assertThat(items).extracting(RoadmapItem::code).startsWith("1.1", "1.2").endsWith("7.7", "7.8");
        Map<Integer, Long> perStage = items.stream().collect(Collectors.groupingBy(RoadmapItem::stage, Collectors.counting()));
        assertThat(perStage).containsExactlyInAnyOrderEntriesOf(Map.of(1, 4L, 2, 3L, 3, 4L, 4, 4L, 5, 4L, 6, 8L, 7, 8L));
    }

    @Test
    void movesTheDatesIntoTheSchoolYear() {
        RoadmapItem informParents = item("1.2");
        assertThat(informParents.startDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(informParents.dueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
        RoadmapItem regularMeetings = item("6.4");
        assertThat(regularMeetings.startDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(regularMeetings.dueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(item("7.8").dueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void aProgrammeStartedInTimeKeepsTheTemplatesDates() {
        assertThat(new RoadmapTemplate().itemsFrom(YEAR, LocalDate.of(2026, 9, 15))).isEqualTo(items);
    }

    @Test
    void aProgrammeStartedInDecemberHasNothingDueInItsFirstTwoWeeksAndKeepsTheOrder() {
        LocalDate start = LocalDate.of(2026, 12, 4);
        List<RoadmapItem> planned = new RoadmapTemplate().itemsFrom(YEAR, start);
        assertThat(planned).hasSize(35).extracting(RoadmapItem::code).isEqualTo(items.stream().map(RoadmapItem::code).toList());
        assertThat(planned).allSatisfy(item -> {
            assertThat(item.dueDate()).isAfterOrEqualTo(start.plusDays(RoadmapTemplate.LEAD_DAYS));
            assertThat(item.startDate()).isAfterOrEqualTo(start).isBeforeOrEqualTo(item.dueDate());
        });
        // Stage 1 (October in the template) comes before stage 6's regular meetings, and the year still ends in June.
        RoadmapItem inform = planned.get(0);
        RoadmapItem meetings = planned.stream().filter(i -> i.code().equals("6.4")).findFirst().orElseThrow();
        assertThat(inform.dueDate()).isBefore(meetings.dueDate()).isBefore(LocalDate.of(2027, 2, 1));
        assertThat(planned.get(34).dueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        for (int i = 1; i < planned.size(); i++) {
            if (items.get(i).dueDate().isAfter(items.get(i - 1).dueDate())) {
                assertThat(planned.get(i).dueDate()).isAfterOrEqualTo(planned.get(i - 1).dueDate());
            }
        }
    }

    @Test
    void tooLateInTheYearNoRoadmapFits() {
        RoadmapTemplate template = new RoadmapTemplate();
        assertThat(template.latestStart(YEAR)).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(template.itemsFrom(YEAR, LocalDate.of(2027, 4, 30))).hasSize(35);
        assertThat(template.itemsFrom(YEAR, LocalDate.of(2027, 5, 1))).isEmpty();
    }

    @Test
    void mapsTheResponsiblePeopleToGroups() {
        assertThat(item("1.1").responsibleGroup()).isEqualTo("deputy-director");
        assertThat(item("7.1").responsibleGroup()).isEqualTo("director");
        assertThat(item("7.2").responsibleGroup()).isEqualTo("director");
        assertThat(item("2.3").title()).isEqualTo("Анализ полученных от наставляемых и третьих лиц данных. Формирование базы наставляемых");
    }

    @Test
    void schoolYearParsesOnlyConsecutiveYears() {
        assertThat(SchoolYear.parse("2026/2027")).isPresent();
        assertThat(SchoolYear.parse(" 2026/2027 ")).isPresent();
        assertThat(SchoolYear.parse("2026/2028")).isEmpty();
        assertThat(SchoolYear.parse("2026-2027")).isEmpty();
        assertThat(SchoolYear.parse(null)).isEmpty();
        assertThat(SchoolYear.containing(LocalDate.of(2027, 2, 1))).hasToString("2026/2027");
        assertThat(SchoolYear.containing(LocalDate.of(2026, 9, 1))).hasToString("2026/2027");
    }

    @Test
    void statusFollowsTheItemsLife() {
        RoadmapItem planned = item("1.1");
        LocalDate today = LocalDate.of(2026, 10, 15);
        assertThat(planned.status(today)).isEqualTo(RoadmapItem.Status.planned);
        RoadmapItem active = new RoadmapItem(1, "1.1", 1, 1, "t", "curator", planned.startDate(), planned.dueDate(),
                "pi", java.time.Instant.now(), null, null, null, null, null, null);
        assertThat(active.status(today)).isEqualTo(RoadmapItem.Status.active);
        assertThat(active.status(LocalDate.of(2026, 11, 1))).isEqualTo(RoadmapItem.Status.overdue);
    }

    private RoadmapItem item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
