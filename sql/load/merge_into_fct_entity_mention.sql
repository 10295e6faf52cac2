-- Replace the mentions of every article in the batch.
DELETE FROM fct_entity_mention WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_entity_mention BY NAME
SELECT mention_id, article_id, entity_id, sentence_index, start_char, end_char, surface, field
FROM batch_entity_mentions;
