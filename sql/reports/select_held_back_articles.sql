-- Articles quarantined and never loaded since, with the expectations that held them back.
SELECT
    q.article_id,
    coalesce(r.title, regexp_extract(r.source, '[^/\\]+$')) AS title,
    r.source,
    string_agg(DISTINCT q.suite || ': ' || q.expectation, '; ') AS reasons,
    CAST(max(q.quarantined_at) AS VARCHAR) AS quarantined_at
FROM quarantined_articles AS q
JOIN raw_articles AS r USING (article_id)
LEFT JOIN dim_article AS a USING (article_id)
WHERE a.article_id IS NULL
GROUP BY ALL
ORDER BY quarantined_at DESC;
