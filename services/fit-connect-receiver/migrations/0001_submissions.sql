-- Up Migration
-- Every FIT-Connect submission the destination has heard of, and what became of it: the row is
-- the destination's memory across callbacks, polls, restarts and instances (one application per
-- submission). A change is a new file; a file once applied is never edited.
create table fit_connect_receiver_submissions (
  submission_id uuid primary key,
  case_id uuid not null,
  state text not null check (state in ('pending', 'published', 'accepted', 'rejected', 'gone')),
  application_id uuid unique,
  first_seen_at timestamptz not null default now(),
  decided_at timestamptz,
  reject_reason text
);
create index fit_connect_receiver_submissions_open on fit_connect_receiver_submissions (first_seen_at)
  where state in ('pending', 'published');

-- Attachment bytes: FIT-Connect deletes them once the submission is accepted, so the destination
-- keeps them; the event references them by `fit-connect-receiver://` URI.
create table fit_connect_receiver_attachments (
  submission_id uuid not null references fit_connect_receiver_submissions (submission_id),
  attachment_id uuid not null,
  media_type text not null,
  content bytea not null,
  primary key (submission_id, attachment_id)
);

-- Callback signatures already taken (replay guard); rows older than the 5-minute window are pruned.
create table fit_connect_receiver_callbacks_seen (
  signature text primary key,
  seen_at timestamptz not null default now()
);
