-- Who assigned or changed the track: the trackAssignment decision at registration, or the user or timer by whose
-- action the Netherlands became responsible for a Dublin case (spoor 1 to spoor 4).
alter table track_assignments add assigned_by varchar(100);
