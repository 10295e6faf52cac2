-- Add article bodies not seen before (select/select_new_articles.sql names them); an existing
-- body is never updated. The reader says 'rejected: <why>' when the input stated a date that
-- was not kept; a date is otherwise 'given'.
MERGE INTO raw_articles AS t
USING (
    SELECT DISTINCT ON (article_id)
        article_id, source, relative_path, outlet, url, title, body, published_date,
        coalesce(
            published_date_source, CASE WHEN published_date IS NOT NULL THEN 'given' END
        ) AS published_date_source,
        current_timestamp::TIMESTAMP AS ingested_at,
        language, language_confidence, authors
    FROM incoming_articles
    ORDER BY article_id, source
) AS s
ON t.article_id = s.article_id
WHEN NOT MATCHED THEN INSERT BY NAME;
