-- Up Migration
-- The examinations the connector ordered from the lab for citizens' applications: the lab's
-- report names the case (vorgangsID), which leads back to the application and its trace.
-- No personal data: ids, the W3C trace context and a time only.
create table if not exists xwasser_connector_orders (
  order_id uuid primary key,
  case_id uuid not null unique,
  application_id uuid not null,
  traceparent text,
  ordered_at timestamptz not null default now()
);
