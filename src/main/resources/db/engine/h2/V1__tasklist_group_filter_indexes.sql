-- Tasklist's group filters on the laptop's H2 database: the page's order and the group's links, as on PostgreSQL
-- (db/engine/postgres/V1__tasklist_group_filter_indexes.sql, which explains them); H2 has no covering indexes.
create index AC_IDX_TASK_PRIORITY_DUE on ACT_RU_TASK (PRIORITY_ desc, DUE_DATE_);
create index AC_IDX_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
