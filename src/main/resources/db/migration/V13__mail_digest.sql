-- Issue 10, part 5: people with many tasks get one daily digest instead of a reminder per task
-- (notification/MailDigest). A reminder for such a person waits as «held» until the digest hour; the digest then
-- lists every held reminder and they become «digested» (their text cleared, like a sent mail's).
alter table mail_outbox drop constraint mail_outbox_status;
alter table mail_outbox add constraint mail_outbox_status check (status in ('pending', 'sending', 'sent', 'cancelled',
                                                                            'expired', 'unaddressed', 'held',
                                                                            'digested'));
create index mail_outbox_held on mail_outbox (status, mail_to);
