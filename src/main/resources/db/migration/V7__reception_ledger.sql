-- The occupancy ledger of reception (COA, Nidos): one row per move of a person, written in the transaction of the
-- process step that caused it. IN = enters reception, TRANSFER = to another location type (or the same type with a
-- new status, e.g. becoming a permit holder), OUT = leaves reception. Occupancy is derived from it: a person is where
-- their latest row (highest move_no) puts them, unless that row is an OUT.
create table reception_moves (
    id                  uuid        primary key,
    case_id             uuid        not null,
    move_no             integer     not null,
    move                varchar(10) not null,
    from_type           varchar(20),
    to_type             varchar(20),
    site                varchar(20),
    step                varchar(40) not null,
    permit_holder       boolean     not null,
    unaccompanied_minor boolean     not null,
    moved_at            timestamp with time zone not null,
    constraint reception_moves_case_move unique (case_id, move_no)
);

create index reception_moves_moved_at on reception_moves (moved_at);
