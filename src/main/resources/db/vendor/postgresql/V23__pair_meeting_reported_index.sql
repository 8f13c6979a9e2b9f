-- A mentor's report asks whether every working pair of the programme has reported this kind of meeting
-- (PairMeetings.pairsWithoutReported): one probe per pair into the reported meetings only, instead of reading every
-- meeting of the installation (the hash plan PostgreSQL takes when the statistics say nothing is reported yet).
create index pair_meeting_reported on pair_meeting (pair_id, kind) where reported_at is not null;
