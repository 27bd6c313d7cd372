-- Up Migration
-- The events a decision publishes, written in the decision's transaction and sent after its
-- commit (ADR 0028): no consumer sees an event about a case before the case is committed. A row
-- is deleted once Kafka has acknowledged its event; what a crash leaves behind is sent again when
-- the causing event is redelivered, or by the deadline round once it is older than a minute.
create table if not exists case_router_outbox (
  event_id uuid primary key,
  cause_event_id uuid not null,
  seq bigserial not null,
  topic text not null,
  record_key text not null,
  value bytea not null,
  created_at timestamptz not null default now()
);
create index if not exists case_router_outbox_cause on case_router_outbox (cause_event_id);
create index if not exists case_router_outbox_created on case_router_outbox (created_at);
