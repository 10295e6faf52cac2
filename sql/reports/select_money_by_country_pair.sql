-- Money figures (positive amounts) summed per subject country, object country and currency,
-- for the $top_n combinations with the most figures; a headline figure the body repeats is
-- counted once, and so is a story printed by several outlets (see dim_story): a figure counts as
-- many times as the story's article that repeats it most. copies counts the figures of every
-- article.
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
        coalesce(a.story_id, f.article_id) AS story_id,
        f.value,
        f.currency,
        s.country_code AS linked_subject,
        o.country_code AS linked_object
    FROM fct_figure AS f
    JOIN dim_article AS a USING (article_id)
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
),
per_article AS (
    SELECT
        story_id,
        article_id,
        coalesce(subject_country, 'unknown') || ' → ' || coalesce(object_country, 'unknown')
            AS pair,
        coalesce(currency, 'unknown') AS currency,
        value,
        linked_subject IS NULL OR linked_object IS NULL AS inferred,
        count(*) AS times
    FROM paired
    GROUP BY ALL
),
per_story AS (
    SELECT story_id, pair, currency, value, inferred, max(times) AS times, sum(times) AS copies
    FROM per_article
    GROUP BY ALL
)
SELECT
    pair,
    currency,
    sum(value * times) AS total_value,
    sum(times)::BIGINT AS figures,
    coalesce(sum(times) FILTER (inferred), 0)::BIGINT AS figures_inferred,
    count(DISTINCT story_id) AS stories,
    sum(copies)::BIGINT AS copies
FROM per_story
GROUP BY ALL
ORDER BY figures DESC, total_value DESC, pair, currency
LIMIT $top_n;
