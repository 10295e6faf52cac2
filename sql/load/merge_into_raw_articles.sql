-- Add article bodies not seen before; an existing body is never updated. The reader says
-- 'rejected: <why>' when the input stated a date that was not kept; a date is otherwise 'given'.
INSERT OR IGNORE INTO raw_articles BY NAME
SELECT DISTINCT ON (article_id)
    article_id, source, relative_path, outlet, url, title, body, published_date,
    coalesce(
        published_date_source, CASE WHEN published_date IS NOT NULL THEN 'given' END
    ) AS published_date_source,
    current_timestamp::TIMESTAMP AS ingested_at
FROM incoming_articles
ORDER BY article_id, source
RETURNING article_id;
