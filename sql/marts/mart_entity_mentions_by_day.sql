-- Grain: one row per entity and day its articles were published (published_date is null for
-- articles with no known date).
-- Columns: published_date, date_key (joins dim_date), entity_id, canonical_name, entity_type,
-- country_code (ISO 3166 alpha-3), articles (articles of that day mentioning the entity),
-- mentions (its mentions in them), stories (the stories of those articles: near-copies of one
-- story, such as a wire story printed by several outlets, count once; see dim_story).
CREATE OR REPLACE VIEW mart_entity_mentions_by_day AS
SELECT
    a.published_date,
    a.date_key,
    m.entity_id,
    e.canonical_name,
    e.entity_type,
    e.country_code,
    count(DISTINCT m.article_id) AS articles,
    count(*) AS mentions,
    count(DISTINCT coalesce(a.story_id, a.article_id)) AS stories
FROM fct_entity_mention AS m
JOIN dim_article AS a USING (article_id)
JOIN dim_entity AS e USING (entity_id)
GROUP BY ALL;
