-- The date expressions of each article in $article_ids, resolved against the article's date.
SELECT
    article_id,
    surface,
    resolved_value,
    granularity,
    is_relative,
    start_char,
    field
FROM fct_date_reference
WHERE article_id IN (SELECT unnest($article_ids))
ORDER BY article_id, field = 'body', start_char;
