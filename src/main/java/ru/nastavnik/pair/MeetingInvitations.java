package ru.nastavnik.pair;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalWriter;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.TimeZone;
import org.springframework.stereotype.Component;
import ru.nastavnik.notification.MailSettings;
import ru.nastavnik.shared.SchoolClock;

/**
 * A meeting's iCalendar invitation (RFC 5546): REQUEST with the reminder, CANCEL when the pair ends early. The UID is
 * the meeting's, so a calendar replaces its event instead of adding one; SEQUENCE is the number of moves (one more
 * for the cancellation), so that the newest version wins. A meeting has a day but no hour in the product, so the
 * event takes the configured usual hour. Times carry the school's TZID with its VTIMEZONE, written here rather than
 * downloaded; a zone that still changes its offset (not a Russian one) gets UTC times instead, which every calendar
 * also reads.
 */
@Component
class MeetingInvitations {

    private final SchoolClock clock;
    private final MailSettings settings;
    private final LocalTime start;
    private final Duration length;

    MeetingInvitations(SchoolClock clock, MailSettings settings, PairSchedule schedule) {
        this.clock = clock;
        this.settings = settings;
        this.start = schedule.meetingTime();
        this.length = Duration.ofMinutes(schedule.meetingMinutes());
    }

    static String uid(long meetingId, String domain) {
        return "meeting-" + meetingId + "@" + domain;
    }

    String request(PairMeetings.Meeting meeting, String school, Collection<String> attendees) {
        return write(Method.request(), Status.confirmed(), meeting.moves(), meeting, school, attendees);
    }

    String cancel(PairMeetings.Meeting meeting, String school, Collection<String> attendees) {
        return write(Method.cancel(), Status.cancelled(), meeting.moves() + 1, meeting, school, attendees);
    }

    private String write(Method method, Status status, int sequence, PairMeetings.Meeting meeting, String school,
                         Collection<String> attendees) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Nastavnik//Mentorship programme//RU");
        calendar.setMethod(method);
        VEvent event = new VEvent();
        event.setUid(uid(meeting.id(), settings.domain()));
        event.setSequence(sequence);
        event.setDateTimeStamp(Date.from(clock.now()));
        ZonedDateTime begins = meeting.plannedOn().atTime(start).atZone(clock.zone());
        event.setDateStart(Date.from(begins.toInstant()), true);
        event.setDateEnd(Date.from(begins.plus(length).toInstant()), true);
        event.setSummary(meeting.title() + " — " + school);
        event.setDescription("Встреча по программе наставничества «" + school + "». Время указано ориентировочно: "
                + "уточните его друг у друга.");
        event.setStatus(status);
        event.setOrganizer(new Organizer("«Наставник» — " + school, settings.address()));
        for (String address : attendees) {
            Attendee attendee = new Attendee(null, address);
            attendee.setRole(Role.ATTENDEE);
            attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
            event.addAttendee(attendee);
        }
        calendar.addEvent(event);
        TimezoneAssignment zone = schoolZone();
        if (zone != null) {
            calendar.getTimezoneInfo().setDefaultTimezone(zone);
        }
        StringWriter text = new StringWriter();
        try (ICalWriter writer = new ICalWriter(text, ICalVersion.V2_0)) {
            writer.write(calendar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The school's zone with a one-observance VTIMEZONE, when its offset no longer changes; else null (UTC). */
    private TimezoneAssignment schoolZone() {
        var rules = clock.zone().getRules();
        if (rules.nextTransition(clock.now()) != null) {
            return null;
        }
        ZoneOffset offset = rules.getOffset(clock.now());
        UtcOffset utc = new UtcOffset(offset.getTotalSeconds() * 1000L);
        StandardTime standard = new StandardTime();
        standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
        standard.setTimezoneOffsetFrom(utc);
        standard.setTimezoneOffsetTo(utc);
        VTimezone component = new VTimezone(clock.zone().getId());
        component.addStandardTime(standard);
        return new TimezoneAssignment(TimeZone.getTimeZone(clock.zone()), component);
    }
}
