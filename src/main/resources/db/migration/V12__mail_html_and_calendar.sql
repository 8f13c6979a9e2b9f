-- Issue 10, parts 3 and 4: every email has an HTML version besides its text (both from one template,
-- notification/MailTemplates), and a meeting's reminder carries an iCalendar invitation.

-- body_html: the HTML alternative; null for mails queued before this version (sent as text only).
-- calendar: the iCalendar text (METHOD:REQUEST or CANCEL) sent as a third alternative, text/calendar.
-- Both are cleared with body_text once the mail is done with (they hold the same personal data and links).
alter table mail_outbox add column body_html varchar(400000);
alter table mail_outbox add column calendar varchar(100000);

-- How often the meeting was moved: the SEQUENCE of its invitation, so that calendars replace the old date.
alter table pair_meeting add column moves int not null default 0;
