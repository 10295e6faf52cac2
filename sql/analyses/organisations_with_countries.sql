-- Question: which companies and other organisations appear alongside which countries?
-- One row per organisation and country named in the same sentence (the extractor types
-- companies, agencies and institutions alike as ORG): the organisation, its own country, the
-- country it appears with (name and ISO 3166 alpha-3), and in how many sentences and articles
-- (as mart_entity_cooccurrence counts them, for these pairs only).
WITH
organisations AS (
    SELECT entity_id FROM dim_entity WHERE entity_type = 'ORG'
),
countries AS (
    SELECT e.entity_id FROM dim_entity AS e SEMI JOIN ref_country AS r USING (geonames_id)
),
article_entities AS (
    -- Each organisation and country of an article, with the sentences that name it (a
    -- sentence of the title or of the body: "title:0", "body:3").
    SELECT
        article_id,
        entity_id,
        list(DISTINCT field || ':' || sentence_index) FILTER (WHERE sentence_index IS NOT NULL)
            AS sentence_indexes
    FROM fct_entity_mention
    WHERE entity_id IN (SELECT entity_id FROM organisations UNION ALL SELECT entity_id FROM countries)
    GROUP BY ALL
),
pairs AS (
    SELECT
        o.entity_id AS organisation_id,
        c.entity_id AS country_id,
        count(*) AS articles,
        CAST(sum(len(list_intersect(o.sentence_indexes, c.sentence_indexes))) AS BIGINT) AS sentences
    FROM article_entities AS o
    JOIN article_entities AS c ON c.article_id = o.article_id AND c.entity_id <> o.entity_id
    WHERE o.entity_id IN (SELECT entity_id FROM organisations)
        AND c.entity_id IN (SELECT entity_id FROM countries)
    GROUP BY ALL
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
WHERE p.sentences > 0
ORDER BY p.sentences DESC, p.articles DESC, organisation, country;
