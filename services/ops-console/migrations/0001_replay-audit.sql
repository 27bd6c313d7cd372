-- Up Migration
-- Who replayed which dead letter when (ADR 0010). Append-only: rows are never updated or deleted.
create table if not exists ops_console_replays (
  id bigserial primary key,
  replayed_at timestamptz not null default now(),
  operator text not null,
  dead_letter_id text not null,
  dlq_topic text not null,
  dlq_partition integer not null,
  dlq_offset bigint not null,
  event_id text,
  application_id text,
  target_topic text not null
);
create index if not exists ops_console_replays_dead_letter on ops_console_replays (dead_letter_id);
