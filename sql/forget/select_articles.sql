-- The articles among $article_ids that the warehouse holds, with what the audit row keeps.
SELECT article_id, source, title
FROM raw_articles
WHERE list_contains($article_ids, article_id)
ORDER BY article_id;
