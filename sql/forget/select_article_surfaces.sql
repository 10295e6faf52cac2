-- The mention texts of $article_ids with their entities, before those mentions are deleted.
SELECT DISTINCT surface AS alias, entity_id
FROM fct_entity_mention
WHERE list_contains($article_ids, article_id);
