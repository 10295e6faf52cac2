-- Question: what happened when? The timeline of the dates the articles refer to.
-- One row per resolved date expression, in date order: the date (ISO YYYY, YYYY-MM or
-- YYYY-MM-DD, so it sorts as text), its granularity, whether it was relative to the article's
-- date ("last year"), the text as written, the article and the sentence around it (cut from the
-- body when the date was loaded, see fct_date_reference_sentence).
SELECT
    d.resolved_value AS date,
    d.granularity,
    d.is_relative,
    d.surface,
    regexp_extract(r.source, '[^/]+$') AS article,
    s.sentence
FROM fct_date_reference AS d
JOIN raw_articles AS r USING (article_id)
LEFT JOIN fct_date_reference_sentence AS s USING (date_reference_id)
WHERE d.resolved_value IS NOT NULL
ORDER BY date, article, d.start_char;
