-- Track assignments at registration; the latest row of a case is its track.
create table track_assignments (
    id          uuid        primary key,
    case_id     uuid        not null,
    track       integer     not null,
    reason      varchar(60),
    assigned_at timestamp with time zone not null
);

create index track_assignments_case on track_assignments (case_id);
