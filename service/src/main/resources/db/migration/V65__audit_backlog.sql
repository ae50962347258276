-- Audit lines that could not be written (issue 12: a full audit disk). The outcome is in the ledger already;
-- the line waits here until a later process writes it (AuditCompletion) and deletes the row. Rows exist only
-- after a failed write, so an import in good health never touches this table. Portable SQL for H2 and PostgreSQL.
create table audit_backlog (
    run_id       varchar(64)   not null,
    object_id    bigint        not null,
    outcome      varchar(32)   not null,
    reason       varchar(2048),
    recorded_at  timestamp with time zone not null,
    constraint pk_audit_backlog primary key (run_id, object_id, outcome),
    constraint fk_audit_backlog_object foreign key (object_id) references source_object (object_id)
);
