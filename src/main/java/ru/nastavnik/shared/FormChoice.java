package ru.nastavnik.shared;

/**
 * A value of a form's radio (a decision such as approve or return) as an enum constant: {@link #value()} is what the
 * form submits and what the diagram's conditions compare ({@code ${roadmapDecision == 'approve'}}).
 * {@code ProcessDataCatalogueTest} checks that the form offers exactly these values and that every condition compares
 * with one of them.
 */
public interface FormChoice {

    String value();
}
