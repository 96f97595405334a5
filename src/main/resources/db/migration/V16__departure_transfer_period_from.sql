-- The Dublin transfer period runs from the acceptance, or from the court's ruling when interim relief had suspended
-- the transfer (Dublin III art. 29 lid 1).
alter table departures add transfer_period_from timestamp with time zone;
update departures set transfer_period_from = dublin_accepted_on;
