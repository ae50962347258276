-- Labels a route set on an object's message before classification (headers AhiBridgeLabel.<name>, issue 12):
-- kept with the object so that every outcome's audit line carries them, the IMPORTED that comes hours
-- later from a job's manifest included. One row per labelled object; JSON text of name -> value.
create table object_label (
    object_id  bigint         not null primary key,
    labels     varchar(4000)  not null,
    constraint fk_object_label_object foreign key (object_id) references source_object (object_id)
);
