-- A decision moratorium (Vw 2000 art. 43) moves the decision deadline by the days it held the case; recorded as an
-- extension on the ground MORATORIUM beside the team lead's extensions, which are whole months.
alter table decision_deadline_extensions add days integer not null default 0;
