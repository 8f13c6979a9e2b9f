-- Issue 14: a programme's Tasklist filter asks for the tasks whose local variable programmeTitle equals the
-- programme's title. Without an index PostgreSQL read every runtime variable for it (65 ms at 100,000 open tasks,
-- 0.5 ms with it; bench/RegionBenchmark). A hash index: a variable's text may be longer than a B-tree entry may
-- be, and the engine's prepared statements (generic plans) could not use a partial index on the name.
create index if not exists nst_variable_text on act_ru_variable using hash (text_);
