-- The entities the facts of $article_ids point at, before those facts are deleted.
SELECT entity_id FROM fct_entity_mention WHERE list_contains($article_ids, article_id)
UNION SELECT subject_entity_id FROM fct_figure WHERE list_contains($article_ids, article_id)
UNION SELECT object_entity_id FROM fct_figure WHERE list_contains($article_ids, article_id)
UNION SELECT speaker_entity_id FROM fct_quote WHERE list_contains($article_ids, article_id)
UNION SELECT dateline_entity_id FROM dim_article WHERE list_contains($article_ids, article_id)
UNION SELECT location_entity_id FROM fct_count WHERE list_contains($article_ids, article_id);
