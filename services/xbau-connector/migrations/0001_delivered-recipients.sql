-- Up Migration
-- Which authority each application went to, so a reply can only come from there. `if not exists`
-- adopts databases created before versioned migrations; later changes are new files.
create table if not exists xbau_connector_recipients (
  application_id uuid primary key,
  authority_id text not null,
  recorded_at timestamptz not null default now()
);
alter table xbau_connector_recipients add column if not exists traceparent text;
