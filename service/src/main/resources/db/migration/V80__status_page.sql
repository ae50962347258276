-- The status page (docs/status-page.md) lists the latest FAILED outcomes of all runs: without this index that
-- query would read every run_outcome row; with it, it reads the newest few. Portable SQL for H2 and PostgreSQL.
create index ix_run_outcome_outcome on run_outcome (outcome, recorded_at);
