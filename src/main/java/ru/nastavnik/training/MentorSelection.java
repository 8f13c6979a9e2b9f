package ru.nastavnik.training;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.nastavnik.account.MentorAccounts;
import ru.nastavnik.participant.ParticipantDirectory;
import ru.nastavnik.participant.ParticipantRole;
import ru.nastavnik.participant.ParticipantWithdrawn;
import ru.nastavnik.shared.SchoolClock;

/**
 * Stage 4, the selection of mentors: the candidates to interview, the interviews' decisions, the training's
 * attendance, and the rule that makes a mentor — consent in force, a passed interview and the training attended.
 * Used by the stage's process steps (as the system) and as {@code mentorSelection} in its expressions.
 */
@Service("mentorSelection")
public class MentorSelection {

    private static final Logger log = LoggerFactory.getLogger(MentorSelection.class);

    private final JdbcClient jdbc;
    private final ParticipantDirectory directory;
    private final MentorAccounts accounts;
    private final SchoolClock clock;

    MentorSelection(JdbcClient jdbc, ParticipantDirectory directory, MentorAccounts accounts, SchoolClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The programme's mentor candidates with consent in force: one interview each. */
    public List<Long> candidates(Number programmeId) {
        return directory.withConsent(programmeId.longValue(), ParticipantRole.MENTOR_CANDIDATE.code());
    }

    public String name(Number programmeId, Number personId) {
        return directory.names(programmeId.longValue(), List.of(personId.longValue()))
                .getOrDefault(personId.longValue(), "участник " + personId);
    }

    public void recordInterview(long programmeId, long personId, boolean passed, List<String> criteria,
                                String comment, String interviewer) {
        jdbc.sql("delete from mentor_selection where programme_id = :programme and person_id = :person")
                .param("programme", programmeId).param("person", personId).update();
        jdbc.sql("""
                        insert into mentor_selection (programme_id, person_id, interview_passed, criteria,
                                                      interview_comment, interviewed_by, interviewed_at)
                        values (:programme, :person, :passed, :criteria, :comment, :by, :at)""")
                .param("programme", programmeId).param("person", personId).param("passed", passed)
                .param("criteria", String.join(",", criteria)).param("comment", comment).param("by", interviewer)
                .param("at", Timestamp.from(clock.now())).update();
    }

    /** Candidates who passed the interview and still have consent: the training's attendance list. */
    public List<Long> passed(long programmeId) {
        Set<Long> withConsent = Set.copyOf(candidates(programmeId));
        return jdbc.sql("""
                        select person_id from mentor_selection
                        where programme_id = :programme and interview_passed = true order by person_id""")
                .param("programme", programmeId).query(Long.class).list().stream()
                .filter(withConsent::contains).toList();
    }

    /** The options of the attendance checklist: [{label: name, value: person id}]. */
    public List<Map<String, String>> attendanceOptions(long programmeId) {
        List<Long> passed = passed(programmeId);
        List<Map<String, String>> options = new ArrayList<>();
        directory.names(programmeId, passed).forEach((id, name) ->
                options.add(Map.of("label", name, "value", String.valueOf(id))));
        return options;
    }

    /**
     * Records the training's attendance and appoints the mentors: every candidate with consent in force, a passed
     * interview and the training attended becomes a mentor and gets an account. Returns the appointed person ids.
     */
    public List<Long> appoint(long programmeId, List<String> attended) {
        List<Long> appointed = new ArrayList<>();
        for (Long personId : passed(programmeId)) {
            if (!attended.contains(String.valueOf(personId))) {
                continue;
            }
            jdbc.sql("update mentor_selection set trained = true where programme_id = :programme and person_id = :person")
                    .param("programme", programmeId).param("person", personId).update();
            if (directory.makeMentor(programmeId, personId)) {
                accounts.grant(programmeId, personId);
                appointed.add(personId);
            }
        }
        log.info("Programme {}: {} mentor(s) appointed after the training", programmeId, appointed.size());
        return appointed;
    }

    /** A withdrawn consent erases the interview (its comment is personal data). */
    @EventListener
    public void withdrawn(ParticipantWithdrawn event) {
        jdbc.sql("delete from mentor_selection where programme_id = :programme and person_id = :person")
                .param("programme", event.programmeId()).param("person", event.personId()).update();
    }
}
