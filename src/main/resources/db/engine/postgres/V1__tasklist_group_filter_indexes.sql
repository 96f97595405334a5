-- Tasklist's group filters (first page of 50 by priority then due date, and the count) at national scale, issue 14 and
-- docs/postgresql.md "Indexes on the engine's tables". The engine writes its task query as
-- `select distinct RES.* ... order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc limit 50` over a join with the identity
-- links; its count as `select count(*) from (select distinct RES.ID_ ...)`. Measured at 20,000 and 100,000 open tasks
-- of one group on PostgreSQL 16 (docs/benchmarks.md).

-- The page: walked in the filter's order, PostgreSQL 16 feeds the DISTINCT through an incremental sort and stops after
-- the first 50 tasks that pass the group and authorization checks, instead of joining and sorting every task of the
-- group (PostgreSQL 14 and 15 cannot use an index's order under a DISTINCT and ignore this index).
create index AC_IDX_TASK_PRIORITY_DUE on ACT_RU_TASK (PRIORITY_ desc, DUE_DATE_);

-- The count (and the page of a group with few tasks): the group's candidate links in task order, read from the index
-- alone (an index-only scan).
create index AC_IDX_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- The count: every column the count's conditions read from the task, in task-id order, so that the count merges the
-- two index-only scans instead of hashing the group's tasks read from the table (1.2 to 1.5 times faster at 100,000).
create index AC_IDX_TASK_FILTER on ACT_RU_TASK (ID_)
    include (SUSPENSION_STATE_, TENANT_ID_, ASSIGNEE_, PROC_DEF_ID_, CASE_EXECUTION_ID_);
