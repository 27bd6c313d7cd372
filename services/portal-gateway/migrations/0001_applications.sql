-- Up Migration
-- Who submitted which application and the timeline the citizen reads. `if not exists` adopts
-- databases created before versioned migrations; later changes are new files.
create table if not exists portal_gateway_applications (
  application_id uuid primary key,
  citizen_account text not null,
  submitted_at timestamptz not null
);
create table if not exists portal_gateway_timeline (
  application_id uuid not null references portal_gateway_applications (application_id),
  event_id uuid not null,
  state text not null,
  text text not null,
  action_required boolean not null,
  occurred_at timestamptz not null,
  primary key (application_id, event_id)
);
alter table portal_gateway_timeline add column if not exists sequence bigint not null default 0;
