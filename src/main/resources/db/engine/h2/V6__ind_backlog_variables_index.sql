-- The IND backlog's open cases per track (the gauges' background refresh, IndBacklogRepository): the instances'
-- variables by name (docs/postgresql.md; on PostgreSQL a partial index that holds only `track` and `procedure` with
-- their values). H2 has no partial index: this one holds every variable's name and instance.
create index AC_IDX_VARIABLE_BACKLOG on ACT_RU_VARIABLE (NAME_, PROC_INST_ID_);
