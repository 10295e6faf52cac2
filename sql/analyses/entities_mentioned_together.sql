-- Question: which entities are mentioned together most often?
-- One row per pair of entities sharing a sentence, the closest pairs first: both canonical
-- names and types, the sentences and articles they share (as mart_entity_cooccurrence counts
-- them; only the pairs that can make the top ten have their shared articles counted).
WITH
sentence_entities AS (
    -- A sentence is one of the title's or one of the body's.
    SELECT DISTINCT article_id, field, sentence_index, entity_id
    FROM fct_entity_mention
    WHERE sentence_index IS NOT NULL
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
),
candidates AS (
    -- Every pair sharing at least as many sentences as the tenth closest one, ties included.
    SELECT p.*
    FROM sentence_pairs AS p
    SEMI JOIN dim_entity AS ea ON ea.entity_id = p.entity_a_id
    SEMI JOIN dim_entity AS eb ON eb.entity_id = p.entity_b_id
    QUALIFY rank() OVER (ORDER BY p.sentences DESC) <= 10
),
article_entities AS (
    SELECT DISTINCT article_id, entity_id FROM fct_entity_mention
),
pairs AS (
    SELECT p.entity_a_id, p.entity_b_id, p.sentences, count(*) AS articles
    FROM candidates AS p
    JOIN article_entities AS a ON a.entity_id = p.entity_a_id
    JOIN article_entities AS b ON b.entity_id = p.entity_b_id AND b.article_id = a.article_id
    GROUP BY ALL
)
SELECT
    ea.canonical_name AS entity_a,
    ea.entity_type AS entity_a_type,
    eb.canonical_name AS entity_b,
    eb.entity_type AS entity_b_type,
    p.sentences,
    p.articles
FROM pairs AS p
JOIN dim_entity AS ea ON ea.entity_id = p.entity_a_id
JOIN dim_entity AS eb ON eb.entity_id = p.entity_b_id
ORDER BY p.sentences DESC, p.articles DESC, entity_a, entity_b
LIMIT 10;
