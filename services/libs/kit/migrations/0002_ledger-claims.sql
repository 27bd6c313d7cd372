-- Up Migration
-- Claims for effects outside the database (ADR 0022): `onceRemote` records an event as claimed
-- until a time, runs the remote call without a transaction, then marks it done. Rows written by
-- the transactional `once` (and every row before this file) are done.
alter table kit_processed_events add column if not exists done boolean not null default true;
alter table kit_processed_events add column if not exists claimed_until timestamptz;
