-- Issue 14: how many of a programme's pairs not ended early have not yet reported the meeting of a roadmap item
-- (6.1-6.4, 6.6; 6.4 is reported by a regular or the final meeting). A report asked this by counting the
-- programme's pairs, one index probe per pair (about 2 ms of a report at 300-500 pairs); it now updates and reads
-- one row (pair.ReportsPending). Filled here from the meetings as they stand; pairs fixed later add their rows.
create table pair_step_pending (
    programme_id bigint      not null references programme (id),
    item_code    varchar(16) not null,
    pairs        int         not null,
    primary key (programme_id, item_code)
);

insert into pair_step_pending (programme_id, item_code, pairs)
select pr.id, i.item_code,
       (select count(*) from mentorship_pair p
        where p.programme_id = pr.id and p.status <> 'ended'
          and not exists (select 1 from pair_meeting m
                          where m.pair_id = p.id and m.reported_at is not null
                            and (m.kind = i.kind or m.kind = i.also_kind)))
from programme pr
cross join (values ('6.1', 'acquaintance', 'acquaintance'), ('6.2', 'trial', 'trial'),
                   ('6.3', 'planning', 'planning'), ('6.4', 'regular', 'final'), ('6.6', 'final', 'final'))
    as i (item_code, kind, also_kind);
