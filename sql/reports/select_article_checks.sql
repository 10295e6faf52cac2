-- The Great Expectations outcomes of the run that loaded each article in $article_ids.
-- That run is the one whose validation was recorded last between the article's extraction
-- and its load: checks run after extraction, and the load follows its own run's checks.
WITH loading_run AS (
    SELECT
        a.article_id,
        (
            SELECT arg_max(d.run_id, d.validated_at)
            FROM dq_results AS d
            WHERE d.validated_at BETWEEN a.extracted_at AND a.loaded_at
        ) AS run_id
    FROM dim_article AS a
    WHERE a.article_id IN (SELECT unnest($article_ids))
)
SELECT
    l.article_id,
    d.run_id,
    d.suite,
    d.expectation,
    d.column_name,
    d.severity,
    d.success,
    d.unexpected_count,
    CAST(d.validated_at AS VARCHAR) AS validated_at
FROM loading_run AS l
JOIN dq_results AS d USING (run_id)
ORDER BY l.article_id, d.suite, d.expectation, d.column_name;
