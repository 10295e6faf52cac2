-- DuckDB cannot drop a primary key: a table whose key is retired (its file left
-- sql/schema/keys/) is set aside under another name, made again by its create_ file, and
-- refilled from it (copy_from_keyed_table.sql).
ALTER TABLE {table} RENAME TO {table}_keyed;
