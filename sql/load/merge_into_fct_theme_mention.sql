-- Replace the theme mentions of every article in the batch.
DELETE FROM fct_theme_mention WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_theme_mention BY NAME
SELECT theme_mention_id, article_id, theme, sentence_index, start_char, end_char, surface, field
FROM batch_theme_mentions;
