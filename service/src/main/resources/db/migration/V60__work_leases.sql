-- Work leases (issue 6, docs/multi-instance.md): several service instances share one ledger, and each
-- step that takes time outside the database (classifying an object, staging a batch, starting or
-- following its import job) is done by the one instance that holds the row's lease. A lease is taken
-- by a conditional UPDATE and expires, so the work of a crashed instance is taken over by another.
-- lease_owner stays after a release (lease_expires_at null): it names the instance that did the last
-- step. lease_count counts the claims, takeovers included. Portable SQL for H2 and PostgreSQL.
alter table import_batch add column lease_owner varchar(128);
alter table import_batch add column lease_expires_at timestamp with time zone;
alter table import_batch add column lease_count integer default 0 not null;
alter table source_object add column lease_owner varchar(128);
alter table source_object add column lease_expires_at timestamp with time zone;
