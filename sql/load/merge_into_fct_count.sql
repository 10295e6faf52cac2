-- Replace the counts of every article in the batch.
DELETE FROM fct_count WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_count BY NAME
SELECT count_id, article_id, count_type, value, object, qualifier, event, location_entity_id,
       sentence_index, start_char, end_char, surface, field
FROM batch_counts;
