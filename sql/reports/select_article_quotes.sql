-- The quotations of each article in $article_ids with their speaker's canonical name.
SELECT
    q.article_id,
    coalesce(e.canonical_name, q.speaker_name) AS speaker,
    q.quote_text,
    q.verb,
    q.start_char,
    q.field
FROM fct_quote AS q
LEFT JOIN dim_entity AS e ON e.entity_id = q.speaker_entity_id
WHERE q.article_id IN (SELECT unnest($article_ids))
ORDER BY q.article_id, q.field = 'body', q.start_char;
