-- Up Migration
-- One row per payment request, from request to settlement or refund. `if not exists` adopts
-- databases created before versioned migrations; later changes are new files.
create table if not exists payment_connector_payments (
  payment_id uuid primary key,
  application_id uuid not null,
  request_id uuid not null unique,
  provider text not null,
  state text not null,
  amount numeric(12, 2) not null,
  currency text not null,
  provider_transaction_id text unique,
  pay_page_url text,
  provider_status text,
  payment_method text,
  failure_reason text,
  refund_id text,
  requested_at timestamptz not null,
  link_issued_at timestamptz,
  settled_at timestamptz,
  failed_at timestamptz,
  refunded_at timestamptz,
  last_checked_at timestamptz,
  updated_at timestamptz not null default now()
);
alter table payment_connector_payments add column if not exists traceparent text;
create index if not exists payment_connector_payments_application on payment_connector_payments (application_id);
create index if not exists payment_connector_payments_open on payment_connector_payments (provider, link_issued_at)
  where state = 'LINK_ISSUED';
