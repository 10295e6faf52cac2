-- Question: which companies and other organisations appear alongside which countries?
-- One row per organisation and country named in the same sentence (the extractor types
-- companies, agencies and institutions alike as ORG): the organisation, its own country, the
-- country it appears with (name and ISO 3166 alpha-3), and in how many sentences and articles.
WITH pairs AS (
    SELECT entity_a_id AS organisation_id, entity_b_id AS country_id, articles, sentences
    FROM mart_entity_cooccurrence
    UNION ALL
    SELECT entity_b_id, entity_a_id, articles, sentences
    FROM mart_entity_cooccurrence
)
SELECT
    o.canonical_name AS organisation,
    o.country_code AS organisation_country,
    c.canonical_name AS country,
    c.country_code,
    p.sentences,
    p.articles
FROM pairs AS p
JOIN dim_entity AS o ON o.entity_id = p.organisation_id
JOIN dim_entity AS c ON c.entity_id = p.country_id
JOIN ref_country AS r ON r.geonames_id = c.geonames_id
WHERE o.entity_type = 'ORG' AND p.sentences > 0
ORDER BY p.sentences DESC, p.articles DESC, organisation, country;
