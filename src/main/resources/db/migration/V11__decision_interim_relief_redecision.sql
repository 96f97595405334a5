-- Interim relief (voorlopige voorziening) on a non-suspensive appeal: GRANTED or REFUSED, and when.
alter table appeals add interim_relief varchar(10);
alter table appeals add relief_decided_at timestamp with time zone;

-- After a court annulment the IND decides again: the new decision deadline, when it was set, and the days on hold
-- at that moment (only holds after it move the new deadline).
alter table ind_procedures add redecision_deadline date;
alter table ind_procedures add reopened_at timestamp with time zone;
alter table ind_procedures add days_on_hold_at_reopen integer;
