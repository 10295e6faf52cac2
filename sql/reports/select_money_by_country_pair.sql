-- Money figures (positive amounts) summed per subject country, object country and currency,
-- for the $top_n combinations with the most figures; a headline figure the body repeats is
-- counted once.
-- A figure's countries are those of its subject and object entities (dim_entity.country_code).
-- Where the figure has no such entity, or the entity no country, the article's entities stand
-- in: the subject is the country the article's mentions name most, the object the next most
-- named country other than the subject (the subject's own when the article names only one).
-- Figures of an article that names no country at all are counted under 'unknown'.
WITH article_countries AS (
    SELECT
        m.article_id,
        e.country_code,
        row_number() OVER (
            PARTITION BY m.article_id ORDER BY count(*) DESC, e.country_code
        ) AS country_rank
    FROM fct_entity_mention AS m
    JOIN dim_entity AS e USING (entity_id)
    WHERE e.country_code IS NOT NULL
    GROUP BY m.article_id, e.country_code
),
money AS (
    SELECT
        f.article_id,
        f.value,
        f.currency,
        s.country_code AS linked_subject,
        o.country_code AS linked_object
    FROM fct_figure AS f
    LEFT JOIN dim_entity AS s ON s.entity_id = f.subject_entity_id
    LEFT JOIN dim_entity AS o ON o.entity_id = f.object_entity_id
    WHERE f.kind = 'money' AND f.value > 0 AND NOT f.repeats_body
),
with_subject AS (
    SELECT
        money.*,
        coalesce(linked_subject, (
            SELECT c.country_code FROM article_countries AS c
            WHERE c.article_id = money.article_id
            ORDER BY c.country_rank LIMIT 1
        )) AS subject_country
    FROM money
),
paired AS (
    SELECT
        with_subject.*,
        coalesce(linked_object, (
            SELECT c.country_code FROM article_countries AS c
            WHERE c.article_id = with_subject.article_id
                AND c.country_code IS DISTINCT FROM with_subject.subject_country
            ORDER BY c.country_rank LIMIT 1
        ), subject_country) AS object_country
    FROM with_subject
)
SELECT
    coalesce(subject_country, 'unknown') || ' → ' || coalesce(object_country, 'unknown') AS pair,
    coalesce(currency, 'unknown') AS currency,
    sum(value) AS total_value,
    count(*) AS figures,
    count(*) FILTER (linked_subject IS NULL OR linked_object IS NULL) AS figures_inferred
FROM paired
GROUP BY ALL
ORDER BY figures DESC, total_value DESC, pair, currency
LIMIT $top_n;
