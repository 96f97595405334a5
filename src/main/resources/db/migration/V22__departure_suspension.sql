-- Interim relief granted while a spoor-2 departure runs beside the appeal (Awb art. 8:81, Vw 2000 art. 82): the
-- departure is suspended until the ruling. A suspended row is no longer the case's open departure; it ends without an
-- outcome, RESUMED (appeal dismissed: a new hand-over starts a new row) or ANNULLED (the IND decides again).
alter table departures add suspended_at timestamp with time zone;
alter table departures add suspension_ended_at timestamp with time zone;
alter table departures add suspension_end varchar(16);
