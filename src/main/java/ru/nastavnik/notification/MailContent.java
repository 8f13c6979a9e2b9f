package ru.nastavnik.notification;

/**
 * One email as it is queued: subject, plain text, HTML (both rendered by {@link MailTemplates}, each with the common
 * footer) and an optional iCalendar invitation.
 *
 * @param calendar an iCalendar object with its METHOD (REQUEST, CANCEL), or null
 */
public record MailContent(String subject, String text, String html, String calendar) {

    public MailContent {
        if (subject == null || subject.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("A mail needs a subject and a text");
        }
    }

    public MailContent withCalendar(String ics) {
        return new MailContent(subject, text, html, ics);
    }
}
