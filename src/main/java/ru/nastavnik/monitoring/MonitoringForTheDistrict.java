package ru.nastavnik.monitoring;

import org.springframework.stereotype.Component;
import ru.nastavnik.district.SchoolOutcomes;

/** Each school's coverage KPI and dynamics on the coordinator's district page. */
@Component
class MonitoringForTheDistrict implements SchoolOutcomes {

    private final Monitoring monitoring;

    MonitoringForTheDistrict(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public Outcome of(long programmeId) {
        Coverage.Report coverage = monitoring.coverageOf(programmeId);
        Dynamics.Group programme = monitoring.dynamicsOf(programmeId).programme();
        return new Outcome(QuestionnaireSummary.percent(coverage.pupils().share()), coverage.pupils().reached(),
                QuestionnaireSummary.percent(coverage.teachers().share()), coverage.teachers().reached(),
                programme.participants() == 0 ? "—" : QuestionnaireSummary.percent(programme.shareImproved()));
    }
}
