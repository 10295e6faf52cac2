-- Replace the date references of every article in the batch.
DELETE FROM fct_date_reference WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO fct_date_reference BY NAME
SELECT
    date_reference_id,
    article_id,
    CASE WHEN granularity = 'day'
        THEN CAST(strftime(TRY_CAST(resolved_value AS DATE), '%Y%m%d') AS INTEGER)
    END AS date_key,
    resolved_value,
    granularity,
    end_value,
    is_relative,
    sentence_index,
    start_char,
    end_char,
    surface,
    field
FROM batch_date_references;
