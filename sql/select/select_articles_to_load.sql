-- Articles whose latest extraction awaits loading: those the next run stages, by the conditions
-- of staging/stg_articles.sql (not yet in dim_article, not quarantined since extracted).
SELECT e.article_id
FROM extractions AS e
JOIN raw_articles AS r USING (article_id)
LEFT JOIN dim_article AS d
    ON d.article_id = e.article_id AND d.extracted_at = e.extracted_at
WHERE d.article_id IS NULL
    AND NOT EXISTS (
        SELECT 1 FROM quarantined_articles AS q
        WHERE q.article_id = e.article_id AND q.quarantined_at >= e.extracted_at
    );
