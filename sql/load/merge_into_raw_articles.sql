-- Add article bodies not seen before; an existing body is never updated.
INSERT OR IGNORE INTO raw_articles BY NAME
SELECT DISTINCT ON (article_id)
    article_id, source, outlet, url, title, body, published_date,
    CASE WHEN published_date IS NOT NULL THEN 'given' END AS published_date_source,
    current_timestamp::TIMESTAMP AS ingested_at
FROM incoming_articles
ORDER BY article_id, source
RETURNING article_id;
