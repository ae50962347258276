-- Export watermarks (DESIGN.md §1 Export): per (datastore, destination), the updatedAt an incremental
-- export resumes from. Portable SQL for H2 and PostgreSQL.
create table export_watermark (
    watermark_sha256  char(64)      not null primary key,
    datastore         varchar(64)   not null,
    destination       varchar(1100) not null,
    updated_at_mark   timestamp with time zone not null,
    recorded_at       timestamp with time zone not null
);
