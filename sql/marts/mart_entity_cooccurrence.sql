-- Grain: one row per unordered pair of entities mentioned in the same article; entity_a_id
-- sorts before entity_b_id, so look a name up on both sides.
-- Columns: entity_a_id, entity_a, entity_a_type, entity_b_id, entity_b, entity_b_type,
-- articles (articles mentioning both), sentences (sentences mentioning both; 0 when they only
-- share articles).
CREATE OR REPLACE VIEW mart_entity_cooccurrence AS
WITH
article_entities AS (
    SELECT DISTINCT article_id, entity_id FROM fct_entity_mention
),
sentence_entities AS (
    -- A sentence is one of the title's or one of the body's.
    SELECT DISTINCT article_id, field, sentence_index, entity_id
    FROM fct_entity_mention
    WHERE sentence_index IS NOT NULL
),
article_pairs AS (
    SELECT a.entity_id AS entity_a_id, b.entity_id AS entity_b_id, count(*) AS articles
    FROM article_entities AS a
    JOIN article_entities AS b ON b.article_id = a.article_id AND a.entity_id < b.entity_id
    GROUP BY ALL
),
sentence_pairs AS (
    SELECT a.entity_id AS entity_a_id, b.entity_id AS entity_b_id, count(*) AS sentences
    FROM sentence_entities AS a
    JOIN sentence_entities AS b
        ON b.article_id = a.article_id
        AND b.field = a.field
        AND b.sentence_index = a.sentence_index
        AND a.entity_id < b.entity_id
    GROUP BY ALL
)
SELECT
    p.entity_a_id,
    ea.canonical_name AS entity_a,
    ea.entity_type AS entity_a_type,
    p.entity_b_id,
    eb.canonical_name AS entity_b,
    eb.entity_type AS entity_b_type,
    p.articles,
    coalesce(s.sentences, 0) AS sentences
FROM article_pairs AS p
LEFT JOIN sentence_pairs AS s USING (entity_a_id, entity_b_id)
JOIN dim_entity AS ea ON ea.entity_id = p.entity_a_id
JOIN dim_entity AS eb ON eb.entity_id = p.entity_b_id;
