-- Question: who and what do the articles mention most?
-- One row per entity: its canonical name, type, country and number of mentions.
SELECT e.canonical_name, e.entity_type, e.country_code, count(*) AS mentions
FROM fct_entity_mention AS m
JOIN dim_entity AS e USING (entity_id)
WHERE e.entity_type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')
GROUP BY ALL
ORDER BY mentions DESC, e.canonical_name
LIMIT 10;
