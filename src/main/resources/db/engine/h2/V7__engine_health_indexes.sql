-- The engine's health and the stages' running instances (the gauges' background refresh: EngineHealthFigures,
-- RunningInstanceCounts). H2 has no partial indexes; these plain ones serve the same counts on a small database.
create index AC_IDX_JOB_NO_RETRIES on ACT_RU_JOB (RETRIES_);
create index AC_IDX_EXE_ROOT_DEF on ACT_RU_EXECUTION (PARENT_ID_, PROC_DEF_ID_);
