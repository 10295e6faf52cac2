-- Articles whose latest extraction awaits loading: not yet in dim_article, and not quarantined
-- since it was made (a quarantined article waits for a new extraction instead of failing every
-- later batch). The batch stg_articles.sql stages, and what `newsledger status` counts.
-- A temporary view: it lives as long as the connection, and read-only ones may make it.
CREATE OR REPLACE TEMP VIEW articles_to_load AS
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
