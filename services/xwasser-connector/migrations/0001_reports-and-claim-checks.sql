-- Up Migration
-- Lab reports the health office received: the status answer (2040) to a lab's status request
-- (2030) says whether the report of a case is here. No personal data: ids and times only.
create table if not exists xwasser_connector_reports (
  case_id uuid not null,
  report_id uuid not null,
  report_version int not null,
  nachrichten_uuid uuid not null,
  received_at timestamptz not null,
  primary key (case_id, report_id, report_version)
);

-- Messages too large for a dead letter, kept whole (@hub/message-box ClaimChecks).
create table if not exists xwasser_connector_claim_checks (
  ref uuid primary key,
  xta_message_id text not null,
  payload bytea not null,
  bytes int not null,
  kept_at timestamptz not null default now()
);
