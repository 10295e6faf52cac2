-- Every table with an article_id column: raw and extracted articles, facts, quarantine and
-- staging leftovers, and any table added later. The audit table keeps its rows.
SELECT c.table_name
FROM duckdb_columns() AS c
JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name)
WHERE c.database_name = current_database()
    AND c.schema_name = 'main'
    AND c.column_name = 'article_id'
    AND c.table_name <> 'forgotten_articles'
ORDER BY c.table_name;
