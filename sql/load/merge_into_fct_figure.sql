-- Replace the figures of every article in the batch.
DELETE FROM fct_figure WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_figure BY NAME
SELECT figure_id, article_id, kind, value, low_value, high_value, unit, currency, qualifier,
       period, subject_entity_id, object_entity_id, sentence_index, start_char, end_char,
       surface, field, repeats_body
FROM batch_figures;
