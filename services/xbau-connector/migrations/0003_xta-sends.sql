-- Up Migration
-- The XTA message id each XBau message (by its nachrichtenUUID) goes out under, recorded before
-- sendMessage, and when the server took it: a retry after an unanswered sendMessage asks the
-- server about that id before it sends again (XbauTransport). Per consumer group, like the
-- ledger: two services delivering the same event to two XTA servers keep two ids.
create table if not exists xbau_connector_xta_sends (
  consumer_group text not null,
  nachrichten_uuid text not null,
  xta_message_id text not null,
  sent_at timestamptz,
  recorded_at timestamptz not null default now(),
  primary key (consumer_group, nachrichten_uuid)
);
