-- Issue 14: indexes on the engine's own tables for a region's volume (10^5–10^6 open tasks and pending timers),
-- measured by bench/RegionBenchmark. Flyway runs after the engine has created its tables (operations/
-- EngineSchemaFirst). IF NOT EXISTS: a database where an administrator created them by hand keeps its own.

-- The job executor acquires due jobs ordered by due date (camunda.bpm.job-execution, acquire-by-due-date): without
-- this index every acquisition reads every pending timer.
create index if not exists nst_job_due on act_ru_job (duedate_);

-- «Просроченные» (due before now) and Tasklist's sorting by due date.
create index if not exists nst_task_due on act_ru_task (due_date_);
