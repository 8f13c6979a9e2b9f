-- Issue 4: the wishes from the group meeting (stage 5) that matching scores and the avoid lists it obeys.
-- One row per person of a programme and another participant they named: kind 'prefer' with wish_rank 1, 2, … (best
-- first), or kind 'avoid' (wish_rank null). Replaced as a whole by PUT …/participants/{personId}/preferences and
-- deleted with the person's data when the consent is withdrawn.
create table matching_preference (
    programme_id     bigint     not null,
    person_id        bigint     not null,
    other_person_id  bigint     not null,
    kind             varchar(8) not null,
    wish_rank        int,
    primary key (programme_id, person_id, other_person_id),
    foreign key (programme_id, person_id) references programme_participant (programme_id, person_id),
    foreign key (programme_id, other_person_id) references programme_participant (programme_id, person_id)
);
create index matching_preference_other on matching_preference (programme_id, other_person_id);
