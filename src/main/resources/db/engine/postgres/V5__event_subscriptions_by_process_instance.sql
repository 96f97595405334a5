-- A case's message subscriptions, by process instance: what a refused event (409) says the case waits for
-- (ProcessMessages.waitingFor asks the engine's event subscription query per process instance of the case). The
-- engine's schemas index the subscriptions by execution, name and configuration, not by process instance, so each
-- refusal read every subscription of every case (4.6 % of a forecast's run by the middle of the year, where Dublin
-- replies that come after their timer are refused; docs/postgresql.md).
create index AC_IDX_EVENT_SUBSCR_PROCINST on ACT_RU_EVENT_SUBSCR (PROC_INST_ID_);
