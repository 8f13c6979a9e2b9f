-- Issue 3: withdrawal of consent, and the Camunda accounts of mentors with their one-time password links.

-- A withdrawn person keeps only the name: the category is erased with the rest of the personal data.
alter table person alter column category drop not null;

-- Who recorded a withdrawal (withdrawn_by says whether the participant or the legal representative withdrew).
alter table consent add column withdrawal_recorded_by varchar(64);

-- The Camunda user of a person who became a mentor (group "mentor"), one per person across programmes.
create table mentor_account (
    person_id  bigint      not null primary key references person (id),
    user_id    varchar(64) not null unique,
    created_at timestamp   not null
);

-- One-time links to set the first password. Only the SHA-256 of the token is stored; a link is used once
-- (used_at) and expires (expires_at).
create table password_token (
    token_hash varchar(64) not null primary key,
    user_id    varchar(64) not null,
    created_at timestamp   not null,
    expires_at timestamp   not null,
    used_at    timestamp
);
create index password_token_user on password_token (user_id);

-- Stage 4: the selection of mentors. One row per interviewed candidate of a programme: the interview's decision,
-- the criteria the interviewer ticked, and whether the candidate attended the training. Deleted on withdrawal.
create table mentor_selection (
    programme_id      bigint        not null references programme (id),
    person_id         bigint        not null references person (id),
    interview_passed  boolean       not null,
    criteria          varchar(500),
    interview_comment varchar(2000),
    interviewed_by    varchar(64),
    interviewed_at    timestamp     not null,
    trained           boolean       not null default false,
    primary key (programme_id, person_id)
);
