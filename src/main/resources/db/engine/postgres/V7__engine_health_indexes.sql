-- The engine's health and the stages' running instances (the gauges' background refresh: EngineHealthFigures,
-- RunningInstanceCounts), read from two small partial indexes instead of the job and execution tables. Measured on
-- the national data set at 20,000 cases (docs/benchmarks.md, "The engine's health from two partial indexes").

-- Failed jobs (no retries left): the engine's own count read every job, a timer for each waiting deadline, watch and
-- period (132,000 at 100,000 open cases), 21-48 ms at 20,000 cases. This index holds only the failed jobs: none on a
-- healthy chain. The engine's count writes `RETRIES_ = 0` as a literal, so the planner can prove the condition.
create index AC_IDX_JOB_NO_RETRIES on ACT_RU_JOB (ID_) where RETRIES_ = 0;

-- Running instances per process definition: only executions without a parent (an instance each), by definition, read
-- from the index alone and grouped before the definitions are joined. The count read every instance from the table
-- through the engine's index on the parent (180 ms at 20,000 cases, 58,604 instances; 15 ms from this index).
-- Executions change their definition only when migrated and their parent never, so a step's updates do not touch it.
create index AC_IDX_EXE_ROOT_DEF on ACT_RU_EXECUTION (PROC_DEF_ID_) where PARENT_ID_ is null;
