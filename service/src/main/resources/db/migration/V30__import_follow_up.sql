-- Follow-up of import accounting (DESIGN.md §1 steps 2 and 7). Portable SQL, as V1.

-- The reconciliation list: one row per image set AHI made non-primary (isPrimary: false, AHI.md §7.1),
-- written under the `report` and `tag` policies. The primary key makes the follow-up (tagging) happen
-- once per image set, however many jobs, restarts or instances account files of it.
create table non_primary_image_set (
    datastore             varchar(64)   not null,
    image_set_id          varchar(64)   not null,
    primary_image_set_id  varchar(64),
    series_instance_uid   varchar(64),
    run_id                varchar(64),
    batch_id              varchar(64),
    job_id                varchar(64),
    file_count            integer       not null,
    tag_state             varchar(16)   not null,
    tag_reason            varchar(2048),
    recorded_at           timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint pk_non_primary_image_set primary key (datastore, image_set_id)
);

-- Whether the P10 verdict was written as tags on the source object (ahibridge.import.tag-source-objects):
-- APPLIED, UNSUPPORTED (the storage cannot tag) or FAILED; null when not asked for.
alter table source_object add column source_tags varchar(16);
