-- Up Migration
-- What the connector has passed on, written in the ledger's transaction with the call. A change
-- is a new file (ADR: SQL migrations); a file once applied is never edited.
create table example_connector_sent (
  event_id uuid primary key,
  application_id uuid not null,
  sent_at timestamptz not null default now()
);
