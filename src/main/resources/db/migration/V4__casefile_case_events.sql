-- Events received from outside on POST /api/cases/{caseId}/events: which type, who sent it, when. The payload is
-- not kept here (it went to the process); this is the audit row the case view's timeline shows.
create table case_events (
    id          uuid         primary key,
    case_id     uuid         not null references cases (case_id),
    event_type  varchar(60)  not null,
    received_by varchar(100) not null,
    received_at timestamp with time zone not null
);

create index case_events_case on case_events (case_id, received_at);
