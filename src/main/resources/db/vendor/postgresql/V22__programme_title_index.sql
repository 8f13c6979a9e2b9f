-- Issue 14: a programme's Tasklist filter asks for the tasks whose local variable programmeTitle equals the
-- programme's title. Without an index PostgreSQL read every runtime variable for it (65 ms at 100,000 open tasks,
-- 0.6 ms with it; bench/RegionBenchmark). Partial: a variable's text may be longer than a B-tree entry may be, a
-- title is not. The engine's prepared statements keep custom plans here, which can use a partial index (checked
-- with EXPLAIN after repeated executions). A hash index on every text was tried and dropped: variables repeat the
-- same texts hundreds of thousands of times, and its buckets' chains made a million-task insert take minutes.
create index if not exists nst_variable_programme_title on act_ru_variable (text_) where name_ = 'programmeTitle';
