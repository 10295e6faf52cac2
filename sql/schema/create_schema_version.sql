-- One row per schema the warehouse was brought to: the digest of sql/schema/'s DDL, and when.
-- A writable connection runs the DDL only when the latest digest differs from its own.
CREATE TABLE IF NOT EXISTS schema_version (
    version    VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
