package ru.nastavnik.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.nastavnik.pair.Pair;
import ru.nastavnik.pair.Pairs;
import ru.nastavnik.participant.ParticipantProfiles;
import ru.nastavnik.participant.ParticipantProfiles.Profile;

/**
 * The people monitoring is about: the mentor and the remaining mentees of every pair or group that is active or
 * finished (one ended early did not go through the cycle; a mentee who left is no longer in it), with consent in
 * force. A person in several pairs is listed once per pair.
 */
@Component
class CycleParticipants {

    static final String MENTOR = "mentor";
    static final String MENTEE = "mentee";

    /** A person in one pair; {@code finished}: the pair held its final meeting. */
    record Member(Profile profile, String role, Pair pair) {

        long personId() {
            return profile.personId();
        }

        boolean finished() {
            return Pair.FINISHED.equals(pair.status());
        }

        String form() {
            return pair.form();
        }

        String pairLabel() {
            return (pair.group() ? "Группа: " : "Пара: ") + pair.mentor().fullName();
        }
    }

    private final Pairs pairs;
    private final ParticipantProfiles profiles;

    CycleParticipants(Pairs pairs, ParticipantProfiles profiles) {
        this.pairs = pairs;
        this.profiles = profiles;
    }

    List<Member> of(long programmeId) {
        Map<Long, Profile> people = profiles.of(programmeId);
        List<Member> members = new ArrayList<>();
        for (Pair pair : pairs.list(programmeId)) {
            if (Pair.ENDED.equals(pair.status())) {
                continue;
            }
            add(members, people.get(pair.mentor().personId()), MENTOR, pair);
            pair.mentees().forEach(m -> add(members, people.get(m.personId()), MENTEE, pair));
        }
        return members;
    }

    /** Each person once (their first pair), by person id. */
    Map<Long, Member> byPerson(long programmeId) {
        Map<Long, Member> byPerson = new LinkedHashMap<>();
        of(programmeId).forEach(m -> byPerson.putIfAbsent(m.personId(), m));
        return byPerson;
    }

    Map<Long, Profile> profiles(long programmeId) {
        return profiles.of(programmeId);
    }

    private static void add(List<Member> members, Profile profile, String role, Pair pair) {
        if (profile != null) {
            members.add(new Member(profile, role, pair));
        }
    }
}
