-- The tables and views of the warehouse (its main schema; a lake's, not the in-memory database
-- it is attached to), which `newsledger export table` may write.
SELECT table_name
FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = 'main'
ORDER BY table_name;
