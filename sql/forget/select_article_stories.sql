-- The stories of $article_ids, before their articles are deleted.
SELECT DISTINCT story_id
FROM story_signatures
WHERE list_contains($article_ids, article_id)
ORDER BY story_id;
