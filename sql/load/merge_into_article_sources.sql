-- Remember every source an article body was read from; a known pair is left as it is.
MERGE INTO article_sources AS t
USING (
    SELECT DISTINCT article_id, source, current_timestamp::TIMESTAMP AS seen_at
    FROM incoming_articles
) AS s
ON t.article_id = s.article_id AND t.source = s.source
WHEN NOT MATCHED THEN INSERT BY NAME;
