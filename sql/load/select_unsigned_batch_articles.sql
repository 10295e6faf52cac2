-- The batch's articles that have no story signature yet, with when they were ingested and
-- their bodies, first ingested first.
SELECT r.article_id, r.ingested_at, r.body
FROM batch_articles AS b
JOIN raw_articles AS r USING (article_id)
WHERE b.article_id NOT IN (SELECT article_id FROM story_signatures)
ORDER BY r.ingested_at, r.article_id;
