-- Question: did every article pass its data-quality checks, and what did each contribute?
-- One row per article, problems first: its file or URL name, its verdict (extraction_failed,
-- quarantined, warnings, pending or passed), the expectations behind that verdict (for a failed
-- extraction, "ErrorClass: message"), and its counts of
-- entities, mentions, figures, quotes and dates.
SELECT
    regexp_extract(source, '[^/]+$') AS article,
    dq_verdict,
    dq_expectations,
    entities,
    mentions,
    figures,
    quotes,
    dates
FROM mart_articles
ORDER BY
    CASE dq_verdict
        WHEN 'extraction_failed' THEN 0 WHEN 'quarantined' THEN 1 WHEN 'warnings' THEN 2
        WHEN 'pending' THEN 3
    END,
    article;
