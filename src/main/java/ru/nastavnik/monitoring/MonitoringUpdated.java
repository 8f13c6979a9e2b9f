package ru.nastavnik.monitoring;

/**
 * Published inside the storing transaction whenever monitoring data of a programme changes, so that other features
 * (the roadmap's items 7.3 and 7.4) can look at {@link Monitoring#progress} again.
 *
 * @param part one of {@link #EXIT_ASSESSMENT}, {@link #QUESTIONNAIRE}, {@link #SWOT}, {@link #ROSTER}
 */
public record MonitoringUpdated(long programmeId, String part) {

    public static final String EXIT_ASSESSMENT = "exit-assessment";
    public static final String QUESTIONNAIRE = "questionnaire";
    public static final String SWOT = "swot";
    public static final String ROSTER = "roster";
}
