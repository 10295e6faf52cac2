-- Inputs first rejected at or after $since (every one when $since is NULL): the $limit latest,
-- each row also carrying how many there are in all. seen_at is local time, as DuckDB casts
-- $since (a time with its zone).
SELECT
    source,
    reason,
    CAST(seen_at AS VARCHAR) AS seen_at,
    count(*) OVER () AS total
FROM rejected_inputs
WHERE $since IS NULL OR seen_at >= CAST($since AS TIMESTAMP)
ORDER BY rejected_inputs.seen_at DESC, source
LIMIT $limit;
