package ru.nastavnik.participant;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.programme.StageSchedule;
import ru.nastavnik.shared.InputText;

/**
 * Task_SummariseParticipantBase: the counts the analysis task shows, for the base named by the local variable
 * {@code baseRole} («mentee» or «mentor»), and the deadline of the analysis item {@code deadlineItems}.
 */
@Component("summariseParticipantBase")
class SummariseParticipantBase implements JavaDelegate {
    private final StageSchedule schedule;
    private final ParticipantDirectory directory;

    SummariseParticipantBase(StageSchedule schedule, ParticipantDirectory directory) {
        this.schedule = schedule;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.apply(execution);
        long programmeId = ProgrammeProcess.programmeId(execution);
        boolean mentees = "mentee".equals(execution.getVariable(BaseStages.BASE_ROLE.name()));
        List<String> roles = mentees ? List.of(ParticipantRole.MENTEE.code())
                : List.of(ParticipantRole.MENTOR_CANDIDATE.code(), ParticipantRole.MENTOR.code());
        Map<String, Long> byRole = directory.countByRole(programmeId);
        long total = roles.stream().mapToLong(r -> byRole.getOrDefault(r, 0L)).sum();
        long missing = directory.withoutConsent(programmeId, roles);
        Map<String, Long> topics = directory.topicCounts(programmeId, mentees ? "request" : "competency", roles);
        StringBuilder md = new StringBuilder();
        if (mentees) {
            md.append("**Наставляемых с согласием:** ").append(total).append("\n\n");
        } else {
            md.append("**Кандидатов в наставники с согласием:** ")
                    .append(byRole.getOrDefault(ParticipantRole.MENTOR_CANDIDATE.code(), 0L))
                    .append("; **наставников:** ").append(byRole.getOrDefault(ParticipantRole.MENTOR.code(), 0L))
                    .append("\n\n");
        }
        md.append("**Нет согласия (отозвано):** ").append(missing).append("\n\n");
        md.append(mentees ? "| Запрос | Наставляемых |\n|---|---|\n" : "| Компетенция | Наставников и кандидатов |\n|---|---|\n");
        if (topics.isEmpty()) {
            md.append("| — | 0 |\n");
        }
        topics.forEach((code, n) -> md.append("| ").append(InputText.markdown(ParticipantDirectory.topicTitle(code))).append(" | ")
                .append(n).append(" |\n"));
        BaseStages.BASE_TOTAL.set(execution, total);
        BaseStages.BASE_MISSING_CONSENT.set(execution, missing);
        BaseStages.BASE_SUMMARY.set(execution, md.toString());
    }
}
