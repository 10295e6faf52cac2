-- Mentions per publication day of the $top_n most mentioned people, organisations and places,
-- with the articles and the stories (near-copies counted once, see dim_story) that mention them.
WITH top_entities AS (
    SELECT entity_id FROM top_entities($top_n)
)
SELECT
    e.canonical_name AS entity,
    e.entity_type,
    strftime(a.published_date, '%Y-%m-%d') AS published_date,
    count(*) AS mentions,
    count(DISTINCT m.article_id) AS articles,
    count(DISTINCT coalesce(a.story_id, a.article_id)) AS stories
FROM fct_entity_mention AS m
JOIN top_entities USING (entity_id)
JOIN dim_entity AS e USING (entity_id)
JOIN dim_article AS a USING (article_id)
WHERE a.published_date IS NOT NULL
GROUP BY ALL
ORDER BY published_date, entity;
