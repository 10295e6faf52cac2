-- Question: what happened when? The timeline of the dates the articles refer to.
-- One row per resolved date expression, in date order: the date (ISO YYYY, YYYY-MM or
-- YYYY-MM-DD, so it sorts as text), its granularity, whether it was relative to the article's
-- date ("last year"), the text as written, the article and the sentence around it.
SELECT
    d.resolved_value AS date,
    d.granularity,
    d.is_relative,
    d.surface,
    regexp_extract(r.source, '[^/]+$') AS article,
    trim(
        regexp_replace(
            regexp_extract(
                substr(r.body, 1, d.start_char), '^(?s:.*(?:[.!?]["”’]?\s+|\n))?([^\n]*)$', 1
            )
            || d.surface
            || regexp_extract(
                substr(r.body, d.end_char + 1), '^([^\n]*?(?:[.!?]["”’]?(?:\s|$)|\n|$))', 1
            ),
            '\s+', ' ', 'g'
        )
    ) AS sentence
FROM fct_date_reference AS d
JOIN raw_articles AS r USING (article_id)
WHERE d.resolved_value IS NOT NULL
ORDER BY date, article, d.start_char;
