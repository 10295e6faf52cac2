-- Articles quarantined at or after $since (every one when $since is NULL), with the
-- expectations that held them back: the $limit latest, each row also carrying how many there
-- are in all. quarantined_at is local time, as DuckDB casts $since (a time with its zone).
SELECT
    q.article_id,
    r.source,
    string_agg(DISTINCT q.suite || ': ' || q.expectation, '; ') AS reasons,
    CAST(max(q.quarantined_at) AS VARCHAR) AS quarantined_at,
    count(*) OVER () AS total
FROM quarantined_articles AS q
LEFT JOIN raw_articles AS r USING (article_id)
WHERE $since IS NULL OR q.quarantined_at >= CAST($since AS TIMESTAMP)
GROUP BY q.article_id, r.source
ORDER BY max(q.quarantined_at) DESC, q.article_id
LIMIT $limit;
