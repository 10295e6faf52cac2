-- The n most mentioned people, organisations and places, most mentioned first.
CREATE OR REPLACE MACRO top_entities(n) AS TABLE
    SELECT m.entity_id
    FROM fct_entity_mention AS m
    JOIN dim_entity AS e USING (entity_id)
    WHERE e.entity_type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')
    GROUP BY m.entity_id, e.canonical_name
    ORDER BY count(*) DESC, e.canonical_name
    LIMIT n;
