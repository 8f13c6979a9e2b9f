package ru.nastavnik.matching;

import ru.nastavnik.shared.FormChoice;

/** After a preference questionnaire (enter-preferences.form): enter another one, or all are entered. */
public enum PreferencesDecision implements FormChoice {
    MORE("more"),
    DONE("done");

    private final String value;

    PreferencesDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
