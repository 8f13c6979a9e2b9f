package ru.nastavnik.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.nastavnik.programme.PrepareStage;
import ru.nastavnik.programme.RoadmapDecision;
import ru.nastavnik.shared.ValidationException.FieldError;

/** The server-side rules read from the real forms in forms/. */
class FormRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
    private final FormSchemas schemas = new FormSchemas();

    @Test
    void readsEveryFormOfTheProduct() {
        for (String id : List.of("start-programme", "complete-roadmap-item", "approve-roadmap", "revise-roadmap")) {
            assertThat(schemas.rules(id)).as(id).isPresent();
        }
    }

    @Test
    void acceptsACompleteRoadmapReport() {
        assertThat(check("complete-roadmap-item", Map.of("doneOn", "2026-10-15", "result", "Проведено совещание",
                "attachments", "https://school6.example/prikaz.pdf\nhttp://disk.example/photo"))).isEmpty();
    }

    @Test
    void refusesAMissingResultWithARussianMessage() {
        assertThat(check("complete-roadmap-item", Map.of("doneOn", "2026-10-15")))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("result", "Поле «Результат» обязательно"));
    }

    @Test
    void refusesBadAndFutureDates() {
        assertThat(check("complete-roadmap-item", Map.of("doneOn", "15.10.2026", "result", "x")))
                .extracting(FieldError::message).singleElement().asString().contains("не дата");
        assertThat(check("complete-roadmap-item", Map.of("doneOn", "2026-10-21", "result", "x")))
                .extracting(FieldError::message).singleElement().asString().contains("не может быть позже сегодняшней");
    }

    /** Only an exact ISO date of the calendar passes: nothing is cut off, nothing rolled over into another date. */
    @Test
    void refusesDatesThatAreNotExactlyARealIsoDate() {
        for (String notADate : List.of("2026-10-15T99", "2026-10-15 garbage", "2026-02-31", "2026-13-01",
                "15.10.2026", "2026-1-5")) {
            assertThat(check("complete-roadmap-item", Map.of("doneOn", notADate, "result", "x")))
                    .as(notADate).extracting(FieldError::field, FieldError::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("doneOn", "Поле «Выполнено (дата)»: «"
                            + notADate + "» — не дата (нужна существующая дата в формате ГГГГ-ММ-ДД)"));
        }
    }

    @Test
    void refusesAttachmentsThatAreNotLinks() {
        assertThat(check("complete-roadmap-item", Map.of("doneOn", "2026-10-15", "result", "x",
                "attachments", "https://ok.example/a\nприказ на столе у директора")))
                .extracting(FieldError::field).containsExactly("attachments");
    }

    @Test
    void refusesADueDateBeforeTheStartDate() {
        assertThat(check("revise-roadmap", Map.of("revisionItemCode", "2.1", "revisionStartDate", "2026-11-10",
                "revisionDueDate", "2026-11-01")))
                .extracting(FieldError::field).containsExactly("revisionDueDate");
    }

    @Test
    void requiresTheDirectorsCommentOnlyWhenReturning() {
        assertThat(check("approve-roadmap", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.APPROVE.value()))).isEmpty();
        assertThat(check("approve-roadmap", Map.of(PrepareStage.ROADMAP_DECISION.name(),
                RoadmapDecision.RETURN.value())))
                .extracting(FieldError::field).containsExactly("roadmapComment");
        assertThat(check("approve-roadmap", Map.of(PrepareStage.ROADMAP_DECISION.name(), "maybe")))
                .extracting(FieldError::field).containsExactly("roadmapDecision");
    }

    @Test
    void checksTheStartFormsPatternAndChecklistValues() {
        Map<String, Object> values = new HashMap<>(Map.of("schoolName", "Школа", "schoolYear", "2026-27",
                "forms", List.of("pupil-pupil", "robot-pupil"), "curatorId", "curator"));
        assertThat(check("start-programme", values)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("schoolYear", "forms");
    }

    @Test
    void aMovedMeetingAsksForTheNewDayAndTheReasonOnlyAndAPlanningReportForThePlan() {
        assertThat(check("report-pair-meeting", Map.of("meetingKind", "planning", "meetingOutcome", "moved")))
                .extracting(FieldError::field).containsExactlyInAnyOrder("newPlannedOn", "moveReason");
        assertThat(check("report-pair-meeting", Map.of("meetingKind", "planning")))
                .extracting(FieldError::field).containsExactlyInAnyOrder("heldOn", "durationMinutes", "meetingFormat",
                        "meetingTopics", "meetingAgreed", "planGoals", "planFrequency", "planItems");
        assertThat(check("report-pair-meeting", Map.of("meetingKind", "trial", "meetingOutcome", "held")))
                .extracting(FieldError::field).containsExactlyInAnyOrder("heldOn", "durationMinutes", "meetingFormat",
                        "meetingTopics", "meetingAgreed");
    }

    private List<FieldError> check(String form, Map<String, Object> values) {
        return schemas.rules(form).orElseThrow().check(values::get, TODAY);
    }
}
