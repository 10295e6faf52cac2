-- For each ordered pair of the $top_n most mentioned people, organisations and places: how many
-- sentences name both. Both orders are listed, so the pairs fill a symmetric matrix.
WITH top_entities AS (
    SELECT entity_id FROM top_entities($top_n)
),
sentence_entities AS (
    -- A sentence is one of the title's or one of the body's.
    SELECT DISTINCT m.article_id, m.field, m.sentence_index, m.entity_id, e.canonical_name AS entity
    FROM fct_entity_mention AS m
    JOIN top_entities USING (entity_id)
    JOIN dim_entity AS e USING (entity_id)
    WHERE m.sentence_index IS NOT NULL
)
SELECT a.entity AS entity_a, b.entity AS entity_b, count(*) AS sentences
FROM sentence_entities AS a
JOIN sentence_entities AS b USING (article_id, field, sentence_index)
WHERE a.entity_id <> b.entity_id
GROUP BY ALL
ORDER BY sentences DESC, entity_a, entity_b;
