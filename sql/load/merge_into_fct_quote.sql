-- Replace the quotations of every article in the batch.
DELETE FROM fct_quote WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_quote BY NAME
SELECT quote_id, article_id, speaker_entity_id, speaker_name, quote_text, verb,
       sentence_index, start_char, end_char, field, tone
FROM batch_quotes;
