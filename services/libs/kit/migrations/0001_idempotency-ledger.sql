-- Up Migration
-- The ledger every handler's `once` writes beside its effect (ADR 0004). `if not exists` adopts
-- databases created before versioned migrations, where the table already stands.
create table if not exists kit_processed_events (
  handler text not null,
  event_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (handler, event_id)
);
