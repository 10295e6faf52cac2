-- Question: who said what?
-- One row per quotation, with its speaker's canonical name (null when the text names none).
SELECT
    e.canonical_name AS speaker,
    left(q.quote_text, 60) AS quotation,
    q.start_char
FROM fct_quote AS q
LEFT JOIN dim_entity AS e ON e.entity_id = q.speaker_entity_id
ORDER BY q.article_id, q.start_char;
