package ru.nastavnik.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import ru.nastavnik.programme.MentorshipForm;

/** One checked and normalised questionnaire row, ready to store. */
public record ParticipantRow(
        int row,
        String fullName,
        LocalDate birthDate,
        Category category,
        String schoolClass,
        Integer experienceYears,
        String subjects,
        String email,
        String phone,
        ParticipantRole role,
        List<MentorshipForm> forms,
        List<Topic> requests,
        List<Topic> competencies,
        String details,
        String interests,
        Integer capacity,
        EntryAssessment assessment,
        LocalDate consentGivenOn,
        String representativeName,
        String representativeEmail) {

    /** Same normalised name and birth date: the same person. */
    public record PersonKey(String nameKey, LocalDate birthDate) {
    }

    public PersonKey key() {
        return new PersonKey(Text.nameKey(fullName), birthDate);
    }

    public boolean minor() {
        return representativeName != null;
    }

    /** Who gave the consent: "self", or the legal representative's name for a minor. */
    public String consentGivenBy() {
        return minor() ? representativeName : "self";
    }

    /**
     * A digest of everything the row says, stored with the participant: a re-import of an unchanged row is
     * recognised without comparing column by column.
     */
    public String fingerprint() {
        String canonical = List.of(fullName, birthDate, category.code(), s(schoolClass), s(experienceYears),
                        s(subjects), s(email), s(phone), role.code(),
                        forms.stream().map(MentorshipForm::code).sorted().collect(Collectors.joining(",")),
                        requests.stream().map(Topic::code).sorted().collect(Collectors.joining(",")),
                        competencies.stream().map(Topic::code).sorted().collect(Collectors.joining(",")),
                        s(details), s(interests), s(capacity), s(assessment.engagement()), s(assessment.activity()),
                        s(assessment.selfEsteem()), s(assessment.anxiety()),
                        assessment.averageGrade() == null ? "" : assessment.averageGrade().toPlainString(),
                        s(consentGivenOn), s(representativeName), s(representativeEmail))
                .stream().map(Object::toString).collect(Collectors.joining("\u001F"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s(Object value) {
        return Objects.toString(value, "");
    }
}
