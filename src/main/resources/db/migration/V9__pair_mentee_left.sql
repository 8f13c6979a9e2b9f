-- Issue 5: a mentee who withdrew the consent leaves a group while the others go on with the mentor. The row stays
-- (the history of who was in the group), marked with when and why the mentee left; current members have left_at null.
alter table pair_mentee add column left_at timestamp;
alter table pair_mentee add column left_reason varchar(1000);
