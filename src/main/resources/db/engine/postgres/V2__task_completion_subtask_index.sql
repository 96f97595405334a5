-- A task's sub-tasks (`select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?`): the engine asks for them whenever it
-- deletes a task, that is at every completion. Its PostgreSQL and H2 schemas have no index on the column (only its SQL
-- Server schema has), so every completion read every open task: at national scale (100,000 open tasks) a table scan
-- per task completed. Found in the forecast, where it was the largest single cost of placing a start stock
-- (docs/forecast.md, "The start stock"); the forecast's own database has the same index.
create index AC_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_);
