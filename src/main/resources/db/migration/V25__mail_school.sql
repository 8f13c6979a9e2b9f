-- Issue 14: a mail's school, so that a school's staff read their own school's undelivered mail only
-- (notification/MailProblems). Null for mail of no programme (a digest, a summary) and for mail queued before this
-- version: administrators see those. No foreign key: the notification feature does not depend on the programme's
-- tables (the programme package tells it a programme's school, notification/MailSchools).
alter table mail_outbox add column school_id bigint;
