-- Suspended tasks (`SUSPENSION_STATE_ = 2`): a counted group filter (active tasks only) subtracts the group's
-- suspended tasks from its tally (docs/authorization.md, "Counting a group filter"). H2 has no partial index: the
-- index on the state finds the few suspended tasks among the active ones.
create index AC_IDX_TASK_SUSPENDED on ACT_RU_TASK (SUSPENSION_STATE_);
