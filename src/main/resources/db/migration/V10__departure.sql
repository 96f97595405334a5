-- Departures: one row per hand-over of a case to DT&V (a case that went back to the IND can come back), with
-- its clocks, its route and how it ended.
create table departures (
    id                      uuid          primary key,
    case_id                 uuid          not null,
    ind_outcome             varchar(30)   not null,
    dublin_claimant         boolean       not null,
    handed_over_at          timestamp with time zone not null,
    departure_period        varchar(10)   not null,
    departure_period_ends   timestamp with time zone not null,
    dublin_accepted_on      timestamp with time zone,
    transfer_circumstance   varchar(20),
    transfer_deadline       timestamp with time zone,
    transfer_date           date,
    transfer_report_by      timestamp with time zone,
    route                   varchar(20),
    family_with_children    boolean       not null,
    vbl_stay_ended_at       timestamp with time zone,
    reports                 integer       not null,
    missed_reports          integer       not null,
    missed_reports_in_a_row integer       not null,
    detention_ground        varchar(30),
    detention_started_at    timestamp with time zone,
    detention_ends          timestamp with time zone,
    detention_extended      boolean       not null,
    detention_extension_reason varchar(2000),
    released_at             timestamp with time zone,
    outcome                 varchar(30),
    outcome_at              timestamp with time zone
);

create index departures_case on departures (case_id, handed_over_at);
create index departures_outcome on departures (outcome_at, outcome);

-- Departure interviews (vertrekgesprekken): what each one found and which route followed.
create table departure_interviews (
    id                      uuid          primary key,
    departure_id            uuid          not null references departures (id),
    held_at                 timestamp with time zone not null,
    willing_to_leave        boolean       not null,
    travel_document_present boolean       not null,
    route                   varchar(20)   not null
);

create index departure_interviews_departure on departure_interviews (departure_id);
