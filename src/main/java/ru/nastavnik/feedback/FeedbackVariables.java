package ru.nastavnik.feedback;

import ru.nastavnik.shared.ProcessVariable;

/** The process variables of the feedback steps: the mentees' links (mentorship-pair) and the satisfaction survey (stage 6). */
public final class FeedbackVariables {

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> FEEDBACK_URL = ProcessVariable.text("feedbackUrl");
    public static final ProcessVariable<String> SURVEY_CONCLUSION = ProcessVariable.text("surveyConclusion");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<Long> SURVEY_WITHOUT_ADDRESS = ProcessVariable.of("surveyWithoutAddress",
            Long.class);
    public static final ProcessVariable<Long> FEEDBACK_LINKS_SENT = ProcessVariable.of("feedbackLinksSent", Long.class);
    public static final ProcessVariable<Long> FEEDBACK_WITHOUT_ADDRESS = ProcessVariable.of("feedbackWithoutAddress",
            Long.class);

    private FeedbackVariables() {
    }
}
