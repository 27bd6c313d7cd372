-- Up Migration
-- Versions are tracked by the kit's migrations (ops_console_migrations) since ADR 00XX; the table
-- the console's own runner kept is no longer read.
drop table if exists ops_console_schema_versions;
