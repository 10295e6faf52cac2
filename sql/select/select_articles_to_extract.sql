-- Articles never extracted, or extracted by another extractor version.
SELECT r.article_id, r.source, r.title, r.body, r.published_date
FROM raw_articles AS r
LEFT JOIN extractions AS e
    ON e.article_id = r.article_id AND e.extractor_version = $extractor_version
WHERE e.article_id IS NULL
ORDER BY r.ingested_at, r.article_id;
