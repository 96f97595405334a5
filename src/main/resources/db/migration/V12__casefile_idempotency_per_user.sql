-- An Idempotency-Key belongs to the user who sent it (issue 10): the same key from another user is another
-- request and registers its own case; it never returns someone else's case. So a key is unique per (user, key),
-- kept here beside the case it registered instead of in a globally unique column of cases.
create table case_idempotency_keys (
    user_id          varchar(255) not null,
    idempotency_key  varchar(200) not null,
    case_id          uuid         not null references cases (case_id),
    request_hash     varchar(64)  not null,
    created_at       timestamp with time zone not null,
    primary key (user_id, idempotency_key)
);

-- Keys stored before this migration were not recorded with their sender, so none of them can be given an owner;
-- they are dropped with their columns. A key only guards a client's retry of one request, which does not span
-- an upgrade; a retry that does registers a new case, as a request without a key would.
alter table cases drop column idempotency_key;
alter table cases drop column request_hash;
