-- The Netherlands became responsible for a Dublin case (claim refused, transfer period passed, Dublin decision
-- annulled): the decision deadline runs six months from that day, and only extensions and holds after it move it.
alter table ind_procedures add responsible_since date;
alter table ind_procedures add responsible_since_at timestamp with time zone;

-- An appeal that does not suspend departure may come with a request for interim relief; without one the decision
-- is enforceable while the appeal runs.
alter table appeals add interim_relief_requested boolean not null default false;
