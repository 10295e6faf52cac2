-- What holds the warehouse: 'duckdb' for a DuckDB file, 'ducklake' for a lake.
SELECT type FROM duckdb_databases() WHERE database_name = current_database();
