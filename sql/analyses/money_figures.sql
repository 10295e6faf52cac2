-- Question: which sums of money do the articles report, and how precisely?
-- One row per money figure: the article, the text as written, the value in its ISO 4217
-- currency (a range's low end), the high end (the value itself for a single amount) and the
-- qualifier (more_than, about, between, ...).
SELECT
    regexp_extract(a.source, '[^/]+$') AS article,
    f.surface,
    f.value,
    f.high_value,
    f.currency,
    f.qualifier
FROM fct_figure AS f
JOIN dim_article AS a USING (article_id)
WHERE f.kind = 'money'
ORDER BY f.value DESC;
