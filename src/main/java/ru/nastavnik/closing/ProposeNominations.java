package ru.nastavnik.closing;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ProcessVariables;

/** Task_ProposeNominations: the nominations proposed from the year's data, for the curator to edit. */
@Component("proposeNominations")
class ProposeNominations implements JavaDelegate {

    private final Nominations nominations;
    private final ClosingRecords records;
    private final ClosingProcess process;

    ProposeNominations(Nominations nominations, ClosingRecords records, ClosingProcess process) {
        this.nominations = nominations;
        this.records = records;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long programmeId = ProgrammeProcess.programmeId(execution);
        List<Nominations.Award> proposals = nominations.propose(programmeId);
        nominations.storeProposals(programmeId, proposals);
        execution.setVariable(ClosingForms.PAIR_OPTIONS.name(), ClosingForms.pairOptions(records.workedPairs(programmeId)));
        execution.setVariable(ClosingForms.MENTOR_OPTIONS.name(), ClosingForms.mentorOptions(nominations.records(programmeId)));
        StringBuilder md = new StringBuilder("| Номинация | Предложено | Почему |\n|---|---|---|\n");
        for (Nominations.Award a : proposals) {
            execution.setVariable(a.nomination().field(), String.valueOf(a.pairId()));
            execution.setVariable(a.nomination().reasonField(), a.reason());
            md.append("| ").append(a.nomination().title()).append(" | ").append(InputText.markdown(a.name()))
                    .append(" | ").append(InputText.markdown(a.reason())).append(" |\n");
        }
        execution.setVariable(ClosingForms.NOMINATIONS_PROPOSAL.name(), ProcessVariables.longText(proposals.isEmpty()
                ? "Пар, прошедших программу, нет: предложить некого." : md.toString()));
        process.dateNextTask(execution, ClosingProcess.INVITATIONS);
    }
}
