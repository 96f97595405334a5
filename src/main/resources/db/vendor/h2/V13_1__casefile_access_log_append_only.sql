-- On the laptop default (H2) the access log is append-only by the application alone: it only inserts rows and
-- purges those past the retention. PostgreSQL adds a trigger that refuses anything else (db/vendor/postgresql).
comment on table access_log is 'Access log (inzage-logging): append-only; only the retention purge deletes rows';
