-- Up Migration
-- `Idempotency-Key` claims and their first responses. `if not exists` adopts databases created
-- before versioned migrations; later changes are new files.
create table if not exists portal_gateway_idempotency (
  client_id text not null,
  idempotency_key text not null,
  body_sha256 text not null,
  response_status int,
  response_body jsonb,
  created_at timestamptz not null default now(),
  primary key (client_id, idempotency_key)
);
