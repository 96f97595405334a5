-- The access log (inzage-logging): who read or changed which case, when, as which group(s), what (parts of the
-- case file, or the operation) and for which task. Ids and names of parts only, no personal data. Append-only:
-- the application inserts rows and purges those past the retention (asylumchain.access-log.retention); on
-- PostgreSQL a trigger (V1_5_1, db/vendor/postgresql) refuses every other UPDATE or DELETE.
create table access_log (
    id          bigint       generated always as identity primary key,
    at          timestamp with time zone not null,
    user_id     varchar(100) not null,
    groups_used varchar(500) not null,
    case_id     uuid         not null,
    action      varchar(10)  not null check (action in ('READ', 'CHANGE')),
    what        varchar(500) not null,
    task_id     varchar(64)
);

create index access_log_case on access_log (case_id, at);
create index access_log_user on access_log (user_id, at);
create index access_log_at on access_log (at);
