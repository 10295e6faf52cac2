-- Question: which entities are mentioned together most often?
-- One row per pair of entities sharing a sentence, the closest pairs first: both canonical
-- names and types, the sentences and articles they share.
SELECT entity_a, entity_a_type, entity_b, entity_b_type, sentences, articles
FROM mart_entity_cooccurrence
WHERE sentences > 0
ORDER BY sentences DESC, articles DESC, entity_a, entity_b
LIMIT 10;
