-- Outlets of the batch; an outlet already known keeps its key.
MERGE INTO dim_source AS t
USING (
    SELECT DISTINCT substr(md5(outlet), 1, 16) AS source_id, outlet AS name
    FROM batch_articles
) AS s
ON t.source_id = s.source_id
WHEN NOT MATCHED THEN INSERT BY NAME;
