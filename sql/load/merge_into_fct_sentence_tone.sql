-- Replace the sentence tones of every article in the batch.
DELETE FROM fct_sentence_tone WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_sentence_tone BY NAME
SELECT sentence_tone_id, article_id, sentence_index, start_char, end_char, compound, positive,
       negative, neutral, field
FROM batch_sentence_tones;
