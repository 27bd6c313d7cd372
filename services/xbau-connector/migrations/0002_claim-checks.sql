-- Up Migration
-- Replies too large for a dead letter, kept whole. `if not exists` adopts databases created
-- before versioned migrations; later changes are new files.
create table if not exists xbau_connector_claim_checks (
  ref uuid primary key,
  xta_message_id text not null,
  payload bytea not null,
  bytes bigint not null,
  stored_at timestamptz not null default now()
);
