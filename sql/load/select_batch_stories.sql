-- The stories of the batch's articles that already have one (loaded before, extracted again).
SELECT DISTINCT story_id
FROM story_signatures
WHERE article_id IN (SELECT article_id FROM batch_articles)
ORDER BY story_id;
