-- The job executor takes the jobs due first, through an index on the due date (docs/postgresql.md, "Job
-- acquisition"). Every job has a due date (the engine's ensureJobDueDateNotNull, application.yml), so the acquisition
-- asks `DUEDATE_ <= now ... order by DUEDATE_ limit 3`, which PostgreSQL answers by walking this index from its start:
-- a few rows whatever the number of jobs. Without it the acquisition scanned the job table until it met three due
-- jobs, past every timer due later (a deadline watch's, a return period's) that stood before them in the table: a
-- drain of 100,000 due timers read the table again at every acquisition.
-- Jobs written before this setting (an async continuation has no due date) get their creation time as due date, or
-- the acquisition, which no longer asks for a missing due date, would never take them.
update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null;
create index AC_IDX_JOB_DUE_DATE on ACT_RU_JOB (DUEDATE_);
-- An exclusive job is taken only while no other job of its process instance is locked (the acquisition's `not exists`
-- over the locked jobs). PostgreSQL answers that by hashing the locked jobs once per acquisition; without an index
-- that holds only them it read the whole job table to find them. Locked are only the jobs being run: a few per node.
create index AC_IDX_JOB_LOCKED on ACT_RU_JOB (PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null;
