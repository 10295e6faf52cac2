-- The digest of the DDL the warehouse was last brought to.
SELECT arg_max(version, applied_at) FROM schema_version;
