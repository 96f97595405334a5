-- The access log is append-only: UPDATE and DELETE are refused, except the retention purge, which marks its own
-- transaction first with  select set_config('asylumchain.access_log_purge', 'on', true)  (transaction-local, so it
-- ends with the purge's transaction). TRUNCATE is refused always.
create function access_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('asylumchain.access_log_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'access_log is append-only: % refused', tg_op;
end
$$;

create trigger access_log_no_update_or_delete before update or delete on access_log
    for each row execute function access_log_append_only();

create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_append_only();
