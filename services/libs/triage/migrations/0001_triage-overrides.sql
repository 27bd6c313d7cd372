-- Up Migration
-- Staff overrides as labelled data for retraining. `if not exists` adopts databases created
-- before versioned migrations; later changes are new files.
create table if not exists triage_overrides (
  request_id text primary key,
  masked_text text not null,
  proposed text not null,
  chosen text not null,
  overridden_at timestamptz not null default now()
);
