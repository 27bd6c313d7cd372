-- Up Migration
-- Each application's current state and the append-only history of its decisions. `if not exists`
-- adopts databases created before versioned migrations; later changes are new files.
create table if not exists case_router_cases (
  application_id uuid primary key,
  state text not null,
  route jsonb,
  application bytea not null,
  deadline_kind text,
  deadline_at timestamptz,
  last_procedure_status_at timestamptz,
  case_number text,
  updated_at timestamptz not null default now()
);
create index if not exists case_router_cases_deadline on case_router_cases (deadline_at) where deadline_at is not null;
create table if not exists case_router_history (
  application_id uuid not null,
  seq bigserial,
  event_id uuid not null,
  from_state text,
  to_state text not null,
  note text not null,
  recorded_at timestamptz not null default now(),
  primary key (application_id, seq)
);
alter table case_router_cases
  add column if not exists settled_payment jsonb,
  add column if not exists delivered_at timestamptz,
  add column if not exists citizen_state text,
  add column if not exists citizen_sequence integer not null default 0,
  add column if not exists state_since timestamptz not null default now(),
  add column if not exists stuck_reported_at timestamptz;
create index if not exists case_router_cases_state_since on case_router_cases (state_since);
-- Cases from before delivered_at: the procedure answered, or the delivery was confirmed.
update case_router_cases set delivered_at = updated_at
  where delivered_at is null
    and (state in ('DELIVERED', 'IN_PROCEDURE') or last_procedure_status_at is not null);
