-- The warehouse's tables that have a primary key already (those of warehouses made before the
-- keys moved to sql/schema/keys/ have it from their CREATE TABLE).
SELECT table_name
FROM duckdb_constraints()
WHERE database_name = current_database() AND schema_name = 'main'
    AND constraint_type = 'PRIMARY KEY';
