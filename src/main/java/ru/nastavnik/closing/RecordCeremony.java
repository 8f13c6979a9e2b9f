package ru.nastavnik.closing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.RoadmapService;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.SchoolClock;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/** Task_RecordCeremony (item 7.2): the director held the ceremony; closes 7.2 and dates the cases by 7.5. */
@Component("recordCeremony")
class RecordCeremony implements JavaDelegate {

    private final ClosingRecords records;
    private final RoadmapService roadmap;
    private final ClosingProcess process;

    RecordCeremony(ClosingRecords records, RoadmapService roadmap, ClosingProcess process) {
        this.records = records;
        this.roadmap = roadmap;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<FieldError> errors = new ArrayList<>();
        var heldOn = ProcessVariables.date(execution.getVariable(ClosingForms.CEREMONY_HELD_ON.name()));
        if (heldOn.isEmpty()) {
            errors.add(new FieldError(ClosingForms.CEREMONY_HELD_ON.name(), "Укажите дату проведения мероприятия"));
        }
        Object guestsValue = execution.getVariable(ClosingForms.CEREMONY_GUESTS.name());
        int guests = guestsValue instanceof Number n ? n.intValue() : -1;
        if (guests < 0 || guests > 10000) {
            errors.add(new FieldError(ClosingForms.CEREMONY_GUESTS.name(), "Укажите число гостей от 0 до 10000"));
        }
        String notes = ProcessVariables.string(execution.getVariable(ClosingForms.CEREMONY_NOTES.name()));
        if (notes != null && notes.length() > 2000) {
            errors.add(new FieldError(ClosingForms.CEREMONY_NOTES.name(), "Заметки длиннее 2000 символов"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        records.ceremonyHeld(programmeId, heldOn.get(), guests, notes);
        roadmap.closeByWork(programmeId, ClosingProcess.CEREMONY, "Торжественное мероприятие проведено "
                + heldOn.get().format(SchoolClock.RUSSIAN_DATE) + ", гостей: " + guests + "; награды вручены");
        process.awards(programmeId).stream().filter(a -> a.nomination() == Nomination.BEST_PAIR).findFirst()
                .ifPresent(best -> execution.setVariable("case1Pair", String.valueOf(best.pairId())));
        process.dateNextTask(execution, ClosingProcess.CASES);
    }
}
