-- The figures of each article in $article_ids, with the entities they are about: the title's,
-- then the body's.
SELECT
    f.article_id,
    f.kind,
    f.value,
    f.unit,
    f.currency,
    f.qualifier,
    f.period,
    f.surface,
    s.canonical_name AS subject,
    o.canonical_name AS object,
    f.start_char,
    f.field
FROM fct_figure AS f
LEFT JOIN dim_entity AS s ON s.entity_id = f.subject_entity_id
LEFT JOIN dim_entity AS o ON o.entity_id = f.object_entity_id
WHERE f.article_id IN (SELECT unnest($article_ids))
ORDER BY f.article_id, f.field = 'body', f.start_char;
