-- Up Migration
-- The XTA message id each XBau message (by its nachrichtenUUID) goes out under, recorded before
-- sendMessage, and when the server took it: a retry after an unanswered sendMessage asks the
-- server about that id before it sends again (XbauTransport).
create table if not exists xbau_connector_xta_sends (
  nachrichten_uuid text primary key,
  xta_message_id text not null,
  sent_at timestamptz,
  recorded_at timestamptz not null default now()
);
