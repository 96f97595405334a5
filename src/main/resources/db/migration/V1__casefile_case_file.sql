-- The case file: one row per asylum case, keyed by the case id that is also the business key of its process.
create table cases (
    case_id                      uuid          primary key,
    v_number                     varchar(10)   not null unique,
    family_name                  varchar(200)  not null,
    given_names                  varchar(200),
    birth_date                   date          not null,
    sex                          varchar(1)    not null,
    nationality                  varchar(3)    not null,
    application_type             varchar(20)   not null,
    arrival_location             varchar(20)   not null,
    arrival_date                 date          not null,
    unaccompanied_minor          boolean       not null,
    temporary_protection_ukraine boolean       not null,
    status                       varchar(30)   not null,
    stage                        varchar(30)   not null,
    outcome                      varchar(40),
    track                        integer,
    track_reason                 varchar(60),
    decision_outcome             varchar(30),
    idempotency_key              varchar(200)  unique,
    request_hash                 varchar(64),
    created_at                   timestamp with time zone not null,
    updated_at                   timestamp with time zone not null
);

create index cases_status on cases (status);

-- Family members abroad named at intake: the people a family reunification (nareis) may bring over.
create table family_members (
    id             uuid        primary key,
    case_id        uuid        not null references cases (case_id),
    relation       varchar(10) not null,
    birth_date     date        not null,
    linked_case_id uuid
);

create index family_members_case on family_members (case_id);

-- V-numbers are ten digits; the sequence makes them unique without a lookup.
create sequence v_number_seq start with 1000000001;

-- The milestones of each case, in order: the case's timeline and the basis of lead times.
create table case_milestones (
    id         uuid        primary key,
    case_id    uuid        not null references cases (case_id),
    milestone  varchar(40) not null,
    reached_at timestamp with time zone not null
);

create index case_milestones_case on case_milestones (case_id, reached_at);
