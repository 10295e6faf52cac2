-- Question: which sums of money flow from one country to another?
-- One row per money flow of a story whose subject (who pays, invests, lends) and object (who
-- receives) belong to two different countries: from_country and to_country (ISO 3166
-- alpha-3), the subject and object as named, the value, its ISO 4217 currency, qualifier,
-- period and the text as written (by the story's earliest published article); a headline figure
-- the body repeats is listed once. A story printed by several outlets (see dim_story) is
-- listed once: articles says how many of its articles give the flow; fct_figure holds every
-- copy.
SELECT
    s.country_code AS from_country,
    o.country_code AS to_country,
    s.canonical_name AS subject,
    o.canonical_name AS object,
    f.value,
    f.currency,
    f.qualifier,
    f.period,
    first(f.surface ORDER BY a.published_date NULLS LAST, f.article_id, f.start_char) AS surface,
    count(DISTINCT f.article_id) AS articles
FROM fct_figure AS f
JOIN dim_article AS a USING (article_id)
JOIN dim_entity AS s ON s.entity_id = f.subject_entity_id
JOIN dim_entity AS o ON o.entity_id = f.object_entity_id
WHERE f.kind = 'money' AND s.country_code <> o.country_code AND NOT f.repeats_body
GROUP BY coalesce(a.story_id, a.article_id), s.country_code, o.country_code, s.canonical_name,
    o.canonical_name, f.value, f.currency, f.qualifier, f.period
ORDER BY f.value DESC, from_country, to_country;
