-- Question: who said what about whom?
-- One row per quotation and entity named inside it: the speaker (canonical name, else the
-- name as given), the entity spoken about and its type, how often the quotation names it, the
-- article, the quotation's start offset and its first 60 characters.
SELECT
    coalesce(s.canonical_name, q.speaker_name) AS speaker,
    e.canonical_name AS about,
    e.entity_type AS about_type,
    count(*) AS mentions,
    regexp_extract(a.source, '[^/]+$') AS article,
    q.start_char AS quote_start,
    left(q.quote_text, 60) AS quotation
FROM fct_quote AS q
JOIN fct_entity_mention AS m
    ON m.article_id = q.article_id
    AND m.start_char >= q.start_char
    AND m.end_char <= q.end_char
JOIN dim_entity AS e ON e.entity_id = m.entity_id
JOIN dim_article AS a ON a.article_id = q.article_id
LEFT JOIN dim_entity AS s ON s.entity_id = q.speaker_entity_id
GROUP BY ALL
ORDER BY article, quote_start, about;
