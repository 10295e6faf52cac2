-- The entities among $entity_ids that no fact points at any more: they were known only from
-- the forgotten articles. Entities other articles mention are not listed.
SELECT entity_id FROM (SELECT unnest($entity_ids) AS entity_id)
WHERE entity_id IS NOT NULL
EXCEPT (
    SELECT entity_id FROM fct_entity_mention
    UNION SELECT subject_entity_id FROM fct_figure
    UNION SELECT object_entity_id FROM fct_figure
    UNION SELECT speaker_entity_id FROM fct_quote
    UNION SELECT dateline_entity_id FROM dim_article
    UNION SELECT location_entity_id FROM fct_count
)
ORDER BY entity_id;
