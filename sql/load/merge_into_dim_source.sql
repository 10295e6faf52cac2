-- Outlets of the batch; an outlet already known keeps its key.
INSERT OR IGNORE INTO dim_source BY NAME
SELECT DISTINCT substr(md5(outlet), 1, 16) AS source_id, outlet AS name
FROM batch_articles;
