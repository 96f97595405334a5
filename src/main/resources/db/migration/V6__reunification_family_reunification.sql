-- Family reunification (nareis): one application per family member abroad of a permit holder (the sponsor).
-- The row follows the member from the open application window to arrival, refusal, a missed window or an
-- unused mvv; personal data stays in the case file's tables.
create table family_reunifications (
    family_member_id         uuid         primary key references family_members (id),
    sponsor_case_id          uuid         not null references cases (case_id),
    relation                 varchar(10)  not null,
    status                   varchar(30)  not null,
    window_ends_at           timestamp with time zone not null,
    applied_at               timestamp with time zone,
    evidence_type            varchar(20),
    evidence_outcome         varchar(20),
    decision_deadline        timestamp with time zone,
    decision_period_extended boolean      not null,
    decision                 varchar(20),
    decided_at               timestamp with time zone,
    mvv_valid_until          timestamp with time zone,
    arrived_at               timestamp with time zone,
    linked_case_id           uuid         references cases (case_id),
    ended_at                 timestamp with time zone,
    updated_at               timestamp with time zone not null
);

create index family_reunifications_sponsor on family_reunifications (sponsor_case_id);
create index family_reunifications_status on family_reunifications (status);
