-- The entity mentions of each article in $article_ids, with the entity's canonical identity:
-- the title's, then the body's.
SELECT
    m.article_id,
    m.start_char,
    m.end_char,
    m.surface,
    e.entity_id,
    e.canonical_name,
    e.entity_type,
    e.country_code,
    m.field
FROM fct_entity_mention AS m
JOIN dim_entity AS e USING (entity_id)
WHERE m.article_id IN (SELECT unnest($article_ids))
ORDER BY m.article_id, m.field = 'body', m.start_char, m.end_char DESC;
