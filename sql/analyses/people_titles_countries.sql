-- Question: who are the people in the news, with their titles and countries?
-- One row per person: canonical name, title (President, Minister, ...), country (ISO 3166
-- alpha-3), mentions, articles and quotations attributed to them.
WITH quotes AS (
    SELECT speaker_entity_id AS entity_id, count(*) AS quotes
    FROM fct_quote
    GROUP BY ALL
)
SELECT
    e.canonical_name AS person,
    e.title,
    e.country_code,
    count(*) AS mentions,
    count(DISTINCT m.article_id) AS articles,
    coalesce(q.quotes, 0) AS quotes
FROM dim_entity AS e
JOIN fct_entity_mention AS m USING (entity_id)
LEFT JOIN quotes AS q USING (entity_id)
WHERE e.entity_type = 'PERSON'
GROUP BY ALL
ORDER BY mentions DESC, person;
