-- Taakstelling: the national number per half-year (quota_half 1 = Jan-Jun, 2 = Jul-Dec) and its pro-rata split over the
-- municipalities (CBS code GMxxxx). Carry-over is not stored: it follows from the previous half-year's target and
-- the people housed in it.
create table housing_quotas (
    quota_year integer   not null,
    quota_half integer   not null,
    total   integer      not null,
    set_at  timestamp with time zone not null,
    set_by  varchar(100),
    primary key (quota_year, quota_half)
);

create table municipality_quotas (
    quota_year        integer    not null,
    quota_half        integer    not null,
    municipality_code varchar(6) not null,
    quota             integer    not null,
    primary key (quota_year, quota_half, municipality_code)
);

-- One row per permit holder in housing: the proposal, the link (koppeling), the move out of reception (home or
-- doorstroomlocatie: that counts toward the quota of the half-year it happens in) and the final home.
create table housing_cases (
    case_id              uuid          primary key,
    permit_at            timestamp with time zone not null,
    proposed_code        varchar(6),
    municipality_code    varchar(6),
    link_reason          varchar(2000),
    linked_at            timestamp with time zone,
    housing_kind         varchar(10),
    left_reception_at    timestamp with time zone,
    temporary_until      date,
    housed_at            timestamp with time zone,
    move_date            date
);

create index housing_cases_municipality on housing_cases (municipality_code);

-- Steps that passed their deadline (link, offer, move): the step goes on, the delay is recorded.
create table housing_late_steps (
    id        uuid        primary key,
    case_id   uuid        not null,
    step      varchar(10) not null,
    late_at   timestamp with time zone not null
);

create index housing_late_steps_case on housing_late_steps (case_id);
