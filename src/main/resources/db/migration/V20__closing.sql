-- Issue 13: the closing of a programme (stage 7) and the long-term base carried into next year.

-- The awards: one row per nomination (mentor_of_year «Наставник года», best_pair «Лучшая пара», mentor_plus
-- «Наставник+»). proposed_reason: what the data said; reason: what the curator wrote. Confirmed by the director.
create table nomination (
    programme_id     bigint        not null references programme (id),
    code             varchar(16)   not null,
    pair_id          bigint        not null references mentorship_pair (id),
    person_id        bigint        not null references person (id),
    proposed_pair_id bigint        references mentorship_pair (id),
    proposed_reason  varchar(1000),
    reason           varchar(1000) not null,
    confirmed_at     timestamp,
    confirmed_by     varchar(64),
    primary key (programme_id, code),
    constraint nomination_code check (code in ('mentor_of_year', 'best_pair', 'mentor_plus'))
);

-- The ceremony (item 7.2): planned by the director with the nominations, then held.
create table ceremony (
    programme_id bigint        not null primary key references programme (id),
    planned_on   date          not null,
    place        varchar(300)  not null,
    held_on      date,
    guests       int,
    notes        varchar(2000),
    invited      int,
    invited_at   timestamp
);

-- Cases (item 7.5): a short structured story of a chosen pair or group.
create table closing_case (
    programme_id bigint        not null references programme (id),
    pair_id      bigint        not null references mentorship_pair (id),
    situation    varchar(2000) not null,
    actions      varchar(2000) not null,
    outcome      varchar(2000) not null,
    written_by   varchar(64),
    written_at   timestamp     not null,
    primary key (programme_id, pair_id)
);

-- The publication on the school's website (item 7.6).
create table publication (
    programme_id bigint        not null primary key references programme (id),
    url          varchar(500)  not null,
    published_on date          not null,
    recorded_by  varchar(64)
);

-- What each participant did and how it went (item 7.7), as written into the bases and mailed to the person.
create table participant_result (
    programme_id bigint        not null references programme (id),
    person_id    bigint        not null references person (id),
    summary      varchar(2000) not null,
    written_at   timestamp     not null,
    primary key (programme_id, person_id)
);

-- The long-term base (item 7.8): mentors who continue (kind mentor) and mentees who finished and want to mentor
-- (kind candidate). Next year's programme starts from it. Deleted on withdrawal.
create table long_term_base (
    programme_id bigint       not null references programme (id),
    person_id    bigint       not null references person (id),
    kind         varchar(16)  not null,
    decided_at   timestamp    not null,
    decided_by   varchar(64),
    primary key (programme_id, person_id),
    constraint long_term_base_kind check (kind in ('mentor', 'candidate'))
);

-- A programme started from last year's (its roadmap and long-term base).
alter table programme add column previous_programme_id bigint references programme (id);
