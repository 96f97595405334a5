-- Suspended tasks (`SUSPENSION_STATE_ = 2`): a counted group filter (active tasks only) subtracts the group's
-- suspended tasks from its tally (docs/authorization.md, "Counting a group filter"). Suspension is rare, so a partial
-- index holds only those tasks and the subtraction reads a handful of rows, whatever the number of open tasks.
create index AC_IDX_TASK_SUSPENDED on ACT_RU_TASK (ID_) where SUSPENSION_STATE_ = 2;
