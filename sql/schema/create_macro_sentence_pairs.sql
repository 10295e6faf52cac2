-- Every unordered pair of entities mentioned in one sentence, with the number of sentences
-- they share; entity_a_id sorts before entity_b_id.
CREATE OR REPLACE MACRO sentence_pairs() AS TABLE
    WITH sentence_entities AS (
        SELECT DISTINCT article_id, sentence_index, entity_id
        FROM fct_entity_mention
        WHERE sentence_index IS NOT NULL
    )
    SELECT a.entity_id AS entity_a_id, b.entity_id AS entity_b_id, count(*) AS sentences
    FROM sentence_entities AS a
    JOIN sentence_entities AS b
        ON b.article_id = a.article_id
        AND b.sentence_index = a.sentence_index
        AND a.entity_id < b.entity_id
    GROUP BY ALL;
