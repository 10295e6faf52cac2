-- The batch this run stages, checks and loads: at most $batch_articles of the articles awaiting
-- load, those extracted first first, so a backlog drains in the order it was extracted. Made
-- once per staging (a temporary table, not a view), so later statements see the same batch.
CREATE OR REPLACE TEMP TABLE batch_to_load AS
SELECT a.article_id, e.extracted_at
FROM articles_to_load AS a
JOIN extractions AS e USING (article_id)
ORDER BY e.extracted_at, a.article_id
LIMIT $batch_articles;
