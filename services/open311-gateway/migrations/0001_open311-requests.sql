-- Up Migration
-- The reports, the office status changes applied (each once) and the reporters' notice outbox.
-- `if not exists` adopts databases created before versioned migrations; later changes are new files.
create table if not exists open311_requests (
  id uuid primary key,
  state text not null,
  status text not null,
  status_notes text,
  service_code text,
  agency text,
  description text not null,
  lat double precision,
  long double precision,
  address text,
  media_url text,
  requested_at timestamptz not null,
  updated_at timestamptz not null,
  triage jsonb not null,
  duplicate_of uuid,
  contact jsonb,
  notify boolean not null default false,
  office_changed_at timestamptz
);
create table if not exists open311_status_changes (
  change_id text primary key,
  request_id uuid not null,
  applied_at timestamptz not null default now()
);
create table if not exists open311_reporter_notices (
  id bigserial primary key,
  request_id uuid not null,
  contact jsonb not null,
  text text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
