package ru.nastavnik.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import ru.nastavnik.programme.MentorshipForm;

/**
 * The fit of a pair to its form's role variants («успевающий – неуспевающий», «лидер – пассивный», «опытный педагог –
 * молодой специалист», …): the DMN decision table {@code bpmn/matching-role-fit.dmn} (decision
 * {@code matching-role-fit}), evaluated with Camunda's standalone DMN engine. The table reads profile classes, not
 * raw values, so it is evaluated once per (form, mentor class, mentee class) and cached: the matching loop never
 * calls DMN per pair.
 */
final class RoleFit {

    static final String RESOURCE = "bpmn/matching-role-fit.dmn";
    static final String DECISION = "matching-role-fit";

    /** Points and the Russian names of the role variants that apply. */
    record Fit(int points, List<String> reasons) {
        static final Fit NONE = new Fit(0, List.of());
    }

    /*
     * Only the bands the table tells apart, so that a real instance has few classes (a few hundred pairs of classes
     * per form): a middle or unknown activity, anxiety or experience is "other".
     */
    private static final String[] GRADES = {"unknown", "low", "middle", "high"};
    private static final String[] SCALE = {"other", "low", "high"};
    private static final String[] EXPERIENCE = {"other", "young", "experienced", "veteran"};
    /** The number of profile classes: grades × activity × anxiety × experience. */
    static final int PROFILES = GRADES.length * SCALE.length * SCALE.length * EXPERIENCE.length;

    private static volatile RoleFit shared;

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final Map<Long, Fit> cache = new ConcurrentHashMap<>();

    private RoleFit() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration)
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // The table only compares strings and booleans; Camunda's Java FEEL ("legacy behaviour") evaluates it
        // about twice as fast as the Scala FEEL engine, which matters on the first, uncached run.
        configuration.enableFeelLegacyBehavior(true);
        engine = configuration.buildEngine();
        try (InputStream in = RoleFit.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Decision table not on the classpath: " + RESOURCE);
            }
            decision = engine.parseDecision(DECISION, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One DMN engine and table for the application: parsing is the slow part. */
    static RoleFit shared() {
        RoleFit r = shared;
        if (r == null) {
            synchronized (RoleFit.class) {
                r = shared;
                if (r == null) {
                    r = new RoleFit();
                    shared = r;
                }
            }
        }
        return r;
    }

    /** The profile class of a participant, 0 … PROFILES-1. */
    static int profile(BigDecimal averageGrade, Integer activity, Integer anxiety, Integer experienceYears) {
        int g = averageGrade == null ? 0
                : averageGrade.compareTo(new BigDecimal("4.5")) >= 0 ? 3
                : averageGrade.compareTo(new BigDecimal("3.5")) >= 0 ? 2 : 1;
        int e = experienceYears == null ? 0
                : experienceYears <= 3 ? 1
                : experienceYears < MatchingRules.EXPERIENCED_YEARS ? 0
                : experienceYears < 10 ? 2 : 3;
        return ((g * SCALE.length + scale(activity)) * SCALE.length + scale(anxiety)) * EXPERIENCE.length + e;
    }

    private static int scale(Integer value) {
        return value == null || value == 3 ? 0 : value <= 2 ? 1 : 2;
    }

    /** The fit of a mentor and a mentee of these profile classes in this form, from the cache or the table. */
    Fit fit(MentorshipForm form, int mentorProfile, int menteeProfile) {
        long key = ((long) form.ordinal() * PROFILES + mentorProfile) * PROFILES + menteeProfile;
        return cache.computeIfAbsent(key, k -> evaluate(form, mentorProfile, menteeProfile));
    }

    /** How many pairs of classes have been evaluated so far (the cache's size). */
    int evaluations() {
        return cache.size();
    }

    private Fit evaluate(MentorshipForm form, int mentor, int mentee) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("form", form.code());
        put(variables, "mentor", mentor);
        put(variables, "mentee", mentee);
        int mentorGrades = grades(mentor);
        variables.put("sameGrades", mentorGrades != 0 && mentorGrades == grades(mentee));
        int points = 0;
        List<String> reasons = new ArrayList<>();
        for (DmnDecisionRuleResult rule : engine.evaluateDecisionTable(decision, variables)) {
            Number fit = rule.getEntry("fit");
            String reason = rule.getEntry("reason");
            points += fit == null ? 0 : fit.intValue();
            if (reason != null && !reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        return points == 0 && reasons.isEmpty() ? Fit.NONE : new Fit(points, List.copyOf(reasons));
    }

    private static int grades(int profile) {
        return profile / (EXPERIENCE.length * SCALE.length * SCALE.length);
    }

    private static void put(Map<String, Object> variables, String side, int profile) {
        int e = profile % EXPERIENCE.length;
        int rest = profile / EXPERIENCE.length;
        int anxiety = rest % SCALE.length;
        rest /= SCALE.length;
        int activity = rest % SCALE.length;
        int grades = rest / SCALE.length;
        variables.put(side + "Grades", GRADES[grades]);
        variables.put(side + "Activity", SCALE[activity]);
        variables.put(side + "Anxiety", SCALE[anxiety]);
        variables.put(side + "Experience", EXPERIENCE[e]);
    }
}
