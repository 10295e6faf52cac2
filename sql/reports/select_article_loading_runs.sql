-- The run that loaded each article in $article_ids: the one whose validation was recorded
-- last between the article's extraction and its load (checks run after extraction, and the
-- load follows its own run's checks). NULL when no validation was recorded.
SELECT
    a.article_id,
    (
        SELECT arg_max(d.run_id, d.validated_at)
        FROM dq_results AS d
        WHERE d.validated_at BETWEEN a.extracted_at AND a.loaded_at
    ) AS run_id
FROM dim_article AS a
WHERE a.article_id IN (SELECT unnest($article_ids));
