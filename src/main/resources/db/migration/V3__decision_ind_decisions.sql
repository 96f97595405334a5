-- IND decisions: one row per decision, so a new decision after an annulled one keeps the old one visible.
create table ind_decisions (
    id         uuid        primary key,
    case_id    uuid        not null,
    track      integer     not null,
    outcome    varchar(30) not null,
    decided_at timestamp with time zone not null
);

create index ind_decisions_case on ind_decisions (case_id);
