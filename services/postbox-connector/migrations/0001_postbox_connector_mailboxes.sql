-- Up Migration
-- The citizen's postbox handle per application, learned from the submission: status changes do
-- not carry it. Personal data (pseudonymous): erased with the case, never logged.
create table postbox_connector_mailboxes (
  application_id uuid primary key,
  mailbox_uuid text not null,
  learned_at timestamptz not null default now()
);
