-- The job executor takes the jobs due first, through an index on the due date (docs/postgresql.md, "Job
-- acquisition"). Every job has a due date (the engine's ensureJobDueDateNotNull, application.yml), so the acquisition
-- asks `DUEDATE_ <= now ... order by DUEDATE_ limit 3`, answered from the start of this index.
-- Jobs written before this setting (an async continuation has no due date) get their creation time as due date, or
-- the acquisition, which no longer asks for a missing due date, would never take them.
update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null;
create index AC_IDX_JOB_DUE_DATE on ACT_RU_JOB (DUEDATE_);
