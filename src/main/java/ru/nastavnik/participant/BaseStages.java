package ru.nastavnik.participant;

import java.util.Date;
import ru.nastavnik.shared.ProcessVariable;

/** The process variables stages 2 and 3 (the mentee and the mentor base) share: their diagrams have one shape. */
public final class BaseStages {

    // Read or written by the diagram and its forms (ProcessDataCatalogueTest).
    public static final ProcessVariable<String> BASE_CONCLUSION = ProcessVariable.text("baseConclusion");
    public static final ProcessVariable<String> BASE_ROLE = ProcessVariable.text("baseRole");
    public static final ProcessVariable<String> BASE_SUMMARY = ProcessVariable.text("baseSummary");
    public static final ProcessVariable<String> BASE_TITLE = ProcessVariable.text("baseTitle");
    public static final ProcessVariable<Date> COLLECTION_ENDS_AT = ProcessVariable.of("collectionEndsAt", Date.class);
    public static final ProcessVariable<String> COLLECTION_NOTE = ProcessVariable.text("collectionNote");
    public static final ProcessVariable<String> IMPORT_URL = ProcessVariable.text("importUrl");
    public static final ProcessVariable<String> TEMPLATE_URL = ProcessVariable.text("templateUrl");

    // Set by Java for the record: the tests and Cockpit read them.
    public static final ProcessVariable<Long> BASE_TOTAL = ProcessVariable.of("baseTotal", Long.class);
    public static final ProcessVariable<Long> BASE_MISSING_CONSENT = ProcessVariable.of("baseMissingConsent",
            Long.class);

    private BaseStages() {
    }
}
