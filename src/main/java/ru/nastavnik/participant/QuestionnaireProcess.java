package ru.nastavnik.participant;

import java.util.List;
import ru.nastavnik.shared.ProcessModel;
import ru.nastavnik.shared.ProcessVariable;

/** What Java relies on in bpmn/participant-questionnaire.bpmn: one questionnaire entered or corrected from Tasklist. */
@ProcessModel
public final class QuestionnaireProcess {

    public static final String PROCESS_ID = "participant-questionnaire";

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<Long> ACTIVITY = ProcessVariable.of("activity", Long.class);
    public static final ProcessVariable<Long> ANXIETY = ProcessVariable.of("anxiety", Long.class);
    public static final ProcessVariable<Long> AVERAGE_GRADE = ProcessVariable.of("averageGrade", Long.class);
    public static final ProcessVariable<String> BIRTH_DATE = ProcessVariable.text("birthDate");
    public static final ProcessVariable<Long> CAPACITY = ProcessVariable.of("capacity", Long.class);
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.text("category");
    public static final ProcessVariable<List<String>> COMPETENCIES = ProcessVariable.list("competencies");
    public static final ProcessVariable<Boolean> CONSENT = ProcessVariable.of("consent", Boolean.class);
    public static final ProcessVariable<String> CONSENT_GIVEN_ON = ProcessVariable.text("consentGivenOn");
    public static final ProcessVariable<String> DETAILS = ProcessVariable.text("details");
    public static final ProcessVariable<String> EMAIL = ProcessVariable.text("email");
    public static final ProcessVariable<Long> ENGAGEMENT = ProcessVariable.of("engagement", Long.class);
    public static final ProcessVariable<Long> EXPERIENCE_YEARS = ProcessVariable.of("experienceYears", Long.class);
    public static final ProcessVariable<String> FULL_NAME = ProcessVariable.text("fullName");
    public static final ProcessVariable<String> INTERESTS = ProcessVariable.text("interests");
    public static final ProcessVariable<String> PHONE = ProcessVariable.text("phone");
    public static final ProcessVariable<String> REPRESENTATIVE_EMAIL = ProcessVariable.text("representativeEmail");
    public static final ProcessVariable<String> REPRESENTATIVE_NAME = ProcessVariable.text("representativeName");
    public static final ProcessVariable<List<String>> REQUESTS = ProcessVariable.list("requests");
    public static final ProcessVariable<String> ROLE = ProcessVariable.text("role");
    public static final ProcessVariable<String> SCHOOL_CLASS = ProcessVariable.text("schoolClass");
    public static final ProcessVariable<Long> SELF_ESTEEM = ProcessVariable.of("selfEsteem", Long.class);
    public static final ProcessVariable<String> SUBJECTS = ProcessVariable.text("subjects");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<String> QUESTIONNAIRE_OUTCOME = ProcessVariable.text("questionnaireOutcome");
    public static final ProcessVariable<Long> SAVED_PERSON_ID = ProcessVariable.of("savedPersonId", Long.class);

    private QuestionnaireProcess() {
    }
}
