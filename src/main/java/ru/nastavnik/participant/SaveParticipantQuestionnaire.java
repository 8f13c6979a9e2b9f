package ru.nastavnik.participant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nastavnik.programme.ProgrammeProcess;
import ru.nastavnik.shared.ApiException;
import ru.nastavnik.shared.ProcessVariables;
import ru.nastavnik.shared.ValidationException;
import ru.nastavnik.shared.ValidationException.FieldError;

/**
 * Task_SaveParticipantQuestionnaire of «Анкета участника»: the start form's answers become one questionnaire,
 * created or (with «Номер участника») corrected by {@link ParticipantService#saveQuestionnaire} with the import's
 * rules. A refusal is a {@link ValidationException}: the engine rolls the start back and Tasklist shows the Russian
 * messages.
 */
@Component("saveParticipantQuestionnaire")
class SaveParticipantQuestionnaire implements JavaDelegate {

    private final ParticipantService participants;

    SaveParticipantQuestionnaire(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        Long programmeId = id(execution.getVariable(ProgrammeProcess.VAR_PROGRAMME_ID.name()), "programmeId",
                "Номер программы", errors);
        Long personId = id(execution.getVariable(WithdrawnParticipantTasks.VAR_PERSON_ID.name()), "personId",
                "Номер участника", errors);
        if (programmeId == null && errors.isEmpty()) {
            errors.add(new FieldError("programmeId", "Укажите номер программы"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : ParticipantCorrection.FIELDS.keySet()) {
            Object value = value(execution.getVariable(field));
            if (value != null) {
                fields.put(field, value);
            }
        }
        Object consent = ProcessVariables.plain(execution.getVariable(QuestionnaireProcess.CONSENT.name()));
        ParticipantService.SavedQuestionnaire saved;
        try {
            saved = participants.saveQuestionnaire(programmeId, personId, fields,
                    Boolean.TRUE.equals(consent) || "true".equals(String.valueOf(consent)));
        } catch (ApiException refusal) {
            throw ValidationException.of(personId != null ? "personId" : "programmeId", refusal);
        }
        QuestionnaireProcess.QUESTIONNAIRE_OUTCOME.set(execution, saved.outcome());
        QuestionnaireProcess.SAVED_PERSON_ID.set(execution, saved.personId());
    }

    /** A form value as the correction takes it: trimmed text, whole numbers without ".0", lists; null when empty. */
    private static Object value(Object variable) {
        Object plain = ProcessVariables.plain(variable);
        if (plain instanceof Collection<?> list) {
            List<String> items = list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            return items.isEmpty() ? null : items;
        }
        if (plain instanceof Number n) {
            return number(n);
        }
        String s = plain == null ? null : plain.toString().trim();
        return s == null || s.isEmpty() ? null : s;
    }

    private static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short) {
            return String.valueOf(n.longValue());
        }
        BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }

    private static Long id(Object variable, String field, String title, List<FieldError> errors) {
        Object value = value(variable);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.toString());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add(new FieldError(field, title + ": целое положительное число"));
        return null;
    }
}
