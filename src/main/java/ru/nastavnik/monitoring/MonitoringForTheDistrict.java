package ru.nastavnik.monitoring;

import org.springframework.stereotype.Component;
import ru.nastavnik.district.SchoolOutcomes;
import ru.nastavnik.spreadsheet.ListSheet.Share;

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
        return new Outcome(share(coverage.pupils()), coverage.pupils().reached(), share(coverage.teachers()),
                coverage.teachers().reached(), new Share(programme.improved(), programme.participants()));
    }

    private static Share share(Coverage.Share s) {
        return new Share(s.involved(), s.total());
    }
}
