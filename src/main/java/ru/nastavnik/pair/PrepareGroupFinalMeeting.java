package ru.nastavnik.pair;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;
import ru.nastavnik.shared.InputText;

/** Task_PrepareGroupFinalMeeting: the deadline of item 6.7 and {@code pairsSummary}, the pairs as a table. */
@Component("prepareGroupFinalMeeting")
class PrepareGroupFinalMeeting implements JavaDelegate {
    private final StageSchedule schedule;
    private final Pairs pairs;

    PrepareGroupFinalMeeting(StageSchedule schedule, Pairs pairs) {
        this.schedule = schedule;
        this.pairs = pairs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
        List<Pair> all = pairs.list(ProgrammeProcess.programmeId(execution));
        StringBuilder md = new StringBuilder();
        if (all.isEmpty()) {
            md.append("В программе нет закреплённых пар и групп.");
        } else {
            md.append("| Наставник | Наставляемые | Состояние |\n|---|---|---|\n");
            for (Pair p : all) {
                md.append("| ").append(InputText.markdown(p.mentor().fullName())).append(" | ")
                        .append(InputText.markdown(p.mentees().stream().map(Pair.Person::fullName)
                                .collect(Collectors.joining(", "))))
                        .append(" | ").append(state(p)).append(" |\n");
            }
        }
        PairWorkStage.PAIRS_SUMMARY.set(execution, md.toString());
    }

    private static String state(Pair p) {
        return switch (p.status()) {
            case Pair.FINISHED -> "завершила работу";
            case Pair.ENDED -> "закрыта досрочно: " + (p.endReason() == null ? "—" : p.endReason());
            default -> "работа не завершена";
        };
    }
}
