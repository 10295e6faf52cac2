-- Mentions per publication day of the $top_n most mentioned people, organisations and places.
WITH top_entities AS (
    SELECT m.entity_id
    FROM fct_entity_mention AS m
    JOIN dim_entity AS e USING (entity_id)
    WHERE e.entity_type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')
    GROUP BY m.entity_id, e.canonical_name
    ORDER BY count(*) DESC, e.canonical_name
    LIMIT $top_n
)
SELECT
    e.canonical_name AS entity,
    e.entity_type,
    strftime(a.published_date, '%Y-%m-%d') AS published_date,
    count(*) AS mentions,
    count(DISTINCT m.article_id) AS articles
FROM fct_entity_mention AS m
JOIN top_entities USING (entity_id)
JOIN dim_entity AS e USING (entity_id)
JOIN dim_article AS a USING (article_id)
WHERE a.published_date IS NOT NULL
GROUP BY ALL
ORDER BY published_date, entity;
