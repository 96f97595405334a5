-- The IND procedure of a case: its decision deadline (beslistermijn) with extensions and time on hold, its priority
-- and the procedure (AA or VA) it is in. One row per case, opened when the IND procedure starts.
create table ind_procedures (
    case_id              uuid        primary key,
    track                integer     not null,
    application_date     date        not null,
    ind_procedure        varchar(2)  not null,
    priority             integer,
    priority_reason      varchar(40),
    va_reason            varchar(40),
    days_on_hold         integer     not null,
    notice_of_default_on date,
    penalty_exposed_from date,
    decided_on           date,
    opened_at            timestamp with time zone not null
);

-- Extensions of the decision deadline (Vw 2000 art. 42 lid 4, 5): first 9 months, then 3.
create table decision_deadline_extensions (
    id          uuid          primary key,
    case_id     uuid          not null references ind_procedures (case_id),
    months      integer       not null,
    reason      varchar(1000) not null,
    extended_by varchar(100)  not null,
    extended_at timestamp with time zone not null
);

create index decision_deadline_extensions_case on decision_deadline_extensions (case_id);

-- Policy holds (Vw 2000 art. 43): a category of cases whose decisions wait, e.g. third-country nationals who had
-- temporary protection in Ukraine.
create table policy_holds (
    id          uuid          primary key,
    category    varchar(60)   not null,
    reason      varchar(1000) not null,
    placed_by   varchar(100)  not null,
    placed_at   timestamp with time zone not null,
    released_at timestamp with time zone
);

-- Cases parked by a hold at one of their IND steps; released_at is set when the hold is lifted.
create table case_holds (
    id          uuid primary key,
    hold_id     uuid not null references policy_holds (id),
    case_id     uuid not null,
    held_from   timestamp with time zone not null,
    released_at timestamp with time zone
);

create index case_holds_hold on case_holds (hold_id);
create index case_holds_case on case_holds (case_id);

-- Appeals (beroep) against a rejection and the court's ruling.
create table appeals (
    id         uuid        primary key,
    case_id    uuid        not null,
    lodged_on  date        not null,
    suspensive boolean     not null,
    outcome    varchar(20),
    ruled_at   timestamp with time zone
);

create index appeals_case on appeals (case_id);
