-- When and by whom each of $article_ids was last forgotten, for those that were.
SELECT article_id, max_by(forgotten_by, forgotten_at) AS forgotten_by, max(forgotten_at) AS forgotten_at
FROM forgotten_articles
WHERE list_contains($article_ids, article_id)
GROUP BY article_id
ORDER BY article_id;
