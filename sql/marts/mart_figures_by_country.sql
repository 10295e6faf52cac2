-- Grain: one row per kind of figure, unit, currency, subject country, object country and
-- period. The countries are those of the figure's subject entity (who invests, spends, counts)
-- and object entity (where it goes), null when the figure names none.
-- Columns: kind (money, count, percent, ordinal, duration, quantity), unit, currency (ISO 4217,
-- money only), subject_country, object_country (ISO 3166 alpha-3), period (the year or span
-- the figure covers, as written by the extractor), figures, articles, total_value, min_value,
-- max_value (values share the row's unit and currency, so they add up; a range counts its low
-- end, a headline figure the body repeats is counted once, in the body).
CREATE OR REPLACE VIEW mart_figures_by_country AS
SELECT
    f.kind,
    f.unit,
    f.currency,
    s.country_code AS subject_country,
    o.country_code AS object_country,
    f.period,
    count(*) AS figures,
    count(DISTINCT f.article_id) AS articles,
    sum(f.value) AS total_value,
    min(f.value) AS min_value,
    max(f.value) AS max_value
FROM fct_figure AS f
LEFT JOIN dim_entity AS s ON s.entity_id = f.subject_entity_id
LEFT JOIN dim_entity AS o ON o.entity_id = f.object_entity_id
WHERE NOT f.repeats_body
GROUP BY ALL;
