-- The articles left in the stories $story_ids, with their story, when they were ingested and
-- their signature.
SELECT s.article_id, s.story_id, r.ingested_at, s.signature
FROM story_signatures AS s
JOIN raw_articles AS r USING (article_id)
WHERE list_contains($story_ids, s.story_id)
ORDER BY s.article_id;
