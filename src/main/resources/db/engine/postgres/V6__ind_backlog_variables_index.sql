-- The IND backlog's open cases per track (the gauges' background refresh, IndBacklogRepository): the instances' `track`
-- and `procedure` variables with their values, read from the index alone. The engine's schema indexes variables by
-- instance, execution and task, not by name, so the refresh looked up each open instance's variables: every lookup
-- read all of the instance's variables (about sixteen) from the table, 0.8 s at 20,000 open cases spread like the chain
-- and most of the refresh's 6 s at 100,000 (docs/benchmarks.md, "The IND backlog from three sets"). Partial: only
-- these two variables of a process scope are in it (about three rows per case), so the other variables' writes do not
-- touch it. The statement names them as written here; a model that renames them needs this index renamed with it.
-- The values are short (a track number, a procedure's name); a value longer than a B-tree entry could hold (about
-- 2,700 bytes) would not fit.
create index AC_IDX_VARIABLE_BACKLOG on ACT_RU_VARIABLE (NAME_, PROC_INST_ID_)
    include (TYPE_, LONG_, TEXT_)
    where TASK_ID_ is null and NAME_ in ('track', 'procedure');
