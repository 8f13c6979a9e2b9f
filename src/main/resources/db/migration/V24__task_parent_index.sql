-- Completing any task asks the engine for its subtasks (select ... from ACT_RU_TASK where PARENT_TASK_ID_ = ?), and
-- Camunda's schema has no index on that column: at a region's 1,000,000 open tasks each completion read the whole
-- table, 80 ms (bench/RegionBenchmark, steps among the region's tasks).
create index if not exists nst_task_parent on act_ru_task (parent_task_id_);
