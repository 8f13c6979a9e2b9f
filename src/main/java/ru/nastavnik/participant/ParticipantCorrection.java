package ru.nastavnik.participant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import ru.nastavnik.programme.MentorshipForm;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * A correction of single fields of a participant (PATCH): the stored participant is written out as an import row,
 * the changed fields are put in, and the whole row is checked by {@link ParticipantImporter#checkOne}, so that a
 * correction obeys exactly the rules of the import. JSON field names are those of the participant's card.
 */
final class ParticipantCorrection {

    /** The fields a correction may change, in the card's names, and the import column each one stands for. */
    static final Map<String, ImportColumn> FIELDS;

    static {
        Map<String, ImportColumn> f = new LinkedHashMap<>();
        f.put("fullName", ImportColumn.FULL_NAME);
        f.put("birthDate", ImportColumn.BIRTH_DATE);
        f.put("category", ImportColumn.CATEGORY);
        f.put("schoolClass", ImportColumn.SCHOOL_CLASS);
        f.put("experienceYears", ImportColumn.EXPERIENCE);
        f.put("subjects", ImportColumn.SUBJECTS);
        f.put("email", ImportColumn.EMAIL);
        f.put("phone", ImportColumn.PHONE);
        f.put("role", ImportColumn.ROLE);
        f.put("forms", ImportColumn.FORMS);
        f.put("requests", ImportColumn.REQUESTS);
        f.put("competencies", ImportColumn.COMPETENCIES);
        f.put("details", ImportColumn.DETAILS);
        f.put("interests", ImportColumn.INTERESTS);
        f.put("capacity", ImportColumn.CAPACITY);
        f.put("engagement", ImportColumn.ENGAGEMENT);
        f.put("activity", ImportColumn.ACTIVITY);
        f.put("selfEsteem", ImportColumn.SELF_ESTEEM);
        f.put("anxiety", ImportColumn.ANXIETY);
        f.put("averageGrade", ImportColumn.AVERAGE_GRADE);
        f.put("consentGivenOn", ImportColumn.CONSENT_DATE);
        f.put("representativeName", ImportColumn.REPRESENTATIVE);
        f.put("representativeEmail", ImportColumn.REPRESENTATIVE_EMAIL);
        FIELDS = Map.copyOf(f);
    }

    private ParticipantCorrection() {
    }

    /**
     * The corrected row, or {@link ValidationException} with every problem (unknown fields and rule violations).
     *
     * @param stored the participant as the import would read it
     * @param patch  field name → new value (null clears the field; lists for forms, requests, competencies)
     */
    static ParticipantRow apply(Map<ImportColumn, String> stored, Map<String, Object> patch, LocalDate today,
                                Set<MentorshipForm> programmeForms) {
        List<FieldError> errors = new ArrayList<>();
        if (patch == null || patch.isEmpty()) {
            throw new ValidationException("body", "Укажите поля, которые нужно исправить, например {\"email\": \"…\"}");
        }
        Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        values.putAll(stored);
        patch.forEach((field, value) -> {
            ImportColumn column = FIELDS.get(field);
            if (column == null) {
                errors.add(new FieldError(field, "Это поле нельзя исправить. Допустимые поля: "
                        + String.join(", ", FIELDS.keySet().stream().sorted().toList())));
            } else {
                values.put(column, cell(value));
            }
        });
        ParticipantImporter.Result result = ParticipantImporter.checkOne(values, today, programmeForms);
        Map<String, String> fieldByHeader = new LinkedHashMap<>();
        FIELDS.forEach((field, column) -> fieldByHeader.put(column.header(), field));
        fieldByHeader.put(ImportColumn.CONSENT.header(), "consent");
        result.errors().forEach(e -> errors.add(new FieldError(e.column() == null ? "body"
                : fieldByHeader.getOrDefault(e.column(), e.column()), e.message())));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return result.rows().get(0);
    }

    /** The stored participant as import cells (codes and ISO dates, which the import accepts). */
    static Map<ImportColumn, String> cells(ParticipantRepository.Card c, List<String> forms,
                                           Map<String, List<String>> topics, LocalDate consentGivenOn) {
        Map<ImportColumn, String> v = new EnumMap<>(ImportColumn.class);
        v.put(ImportColumn.FULL_NAME, c.fullName());
        v.put(ImportColumn.BIRTH_DATE, s(c.birthDate()));
        v.put(ImportColumn.CATEGORY, s(c.category()));
        v.put(ImportColumn.SCHOOL_CLASS, s(c.schoolClass()));
        v.put(ImportColumn.EXPERIENCE, s(c.experienceYears()));
        v.put(ImportColumn.SUBJECTS, s(c.subjects()));
        v.put(ImportColumn.EMAIL, s(c.email()));
        v.put(ImportColumn.PHONE, s(c.phone()));
        v.put(ImportColumn.ROLE, s(c.role()));
        v.put(ImportColumn.FORMS, String.join(", ", forms));
        v.put(ImportColumn.REQUESTS, String.join(", ", topics.getOrDefault(ParticipantRepository.REQUEST, List.of())));
        v.put(ImportColumn.COMPETENCIES, String.join(", ",
                topics.getOrDefault(ParticipantRepository.COMPETENCY, List.of())));
        v.put(ImportColumn.DETAILS, s(c.details()));
        v.put(ImportColumn.INTERESTS, s(c.interests()));
        v.put(ImportColumn.CAPACITY, s(c.capacity()));
        EntryAssessment a = c.assessment();
        v.put(ImportColumn.ENGAGEMENT, s(a.engagement()));
        v.put(ImportColumn.ACTIVITY, s(a.activity()));
        v.put(ImportColumn.SELF_ESTEEM, s(a.selfEsteem()));
        v.put(ImportColumn.ANXIETY, s(a.anxiety()));
        v.put(ImportColumn.AVERAGE_GRADE, a.averageGrade() == null ? "" : a.averageGrade().toPlainString());
        v.put(ImportColumn.CONSENT, "Да");
        v.put(ImportColumn.CONSENT_DATE, s(consentGivenOn));
        v.put(ImportColumn.REPRESENTATIVE, s(c.representativeName()));
        v.put(ImportColumn.REPRESENTATIVE_EMAIL, s(c.representativeEmail()));
        return v;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(ParticipantCorrection::cell).collect(Collectors.joining(", "));
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static String s(Object value) {
        return Objects.toString(value, "");
    }
}
