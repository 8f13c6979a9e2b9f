package ru.nastavnik.notification;

/**
 * What an email is about and which of its kinds it is, e.g. the task 42's reminder: with its recipients this is
 * the mail's identity (one mail per identity, one Message-ID), and the end of the task (or the move of the meeting)
 * cancels the mails about it that still wait.
 *
 * @param about       «task:42», «meeting:7», «pair:3», …
 * @param kind        «reminder», «escalation», …; a mail that may rightly come again names what makes it new (a date)
 * @param programmeId the programme the mail belongs to, or null: its school's staff, and only they, read that it
 *                    could not be delivered ({@link MailProblems}); not part of the identity
 */
public record MailAbout(String about, String kind, Long programmeId) {

    public MailAbout {
        if (about == null || about.isBlank() || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("A mail needs what it is about and its kind");
        }
    }

    /** A mail of no programme (a digest, a summary); {@link #inProgramme} gives it one. */
    public MailAbout(String about, String kind) {
        this(about, kind, null);
    }

    public static MailAbout task(String taskId, String kind) {
        return new MailAbout(taskRef(taskId), kind);
    }

    public static MailAbout meeting(long meetingId, String kind) {
        return new MailAbout(meetingRef(meetingId), kind);
    }

    /**
     * A mail that each call sends anew (a new link asked for again): its kind gets a unique suffix. A rolled-back
     * step queues nothing, so even this mail is never queued twice by one step.
     */
    public static MailAbout each(String about, String kind) {
        return new MailAbout(about, kind + "#" + java.util.UUID.randomUUID());
    }

    /** The same mail, of the programme {@code programmeId}. */
    public MailAbout inProgramme(long programmeId) {
        return new MailAbout(about, kind, programmeId);
    }

    static String taskRef(String taskId) {
        return "task:" + taskId;
    }

    public static String meetingRef(long meetingId) {
        return "meeting:" + meetingId;
    }
}
