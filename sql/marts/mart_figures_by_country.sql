-- Grain: one row per kind of figure, unit, currency, subject country, object country and
-- period. The countries are those of the figure's subject entity (who invests, spends, counts)
-- and object entity (where it goes), null when the figure names none.
-- Columns: kind (money, count, percent, ordinal, duration, quantity), unit, currency (ISO 4217,
-- money only), subject_country, object_country (ISO 3166 alpha-3), period (the year or span
-- the figure covers, as written by the extractor), figures, articles, total_value, min_value,
-- max_value (values share the row's unit and currency, so they add up; a range counts its low
-- end, a headline figure the body repeats is counted once, in the body), stories (the stories
-- of those articles: near-copies of one story count once; see dim_story), story_figures and
-- story_total_value (figures and their sum with each story counted once: a figure as many
-- times as the story's article that repeats it most; figures and total_value count every
-- copy).
CREATE OR REPLACE VIEW mart_figures_by_country AS
WITH figures AS (
    SELECT
        f.kind,
        f.unit,
        f.currency,
        s.country_code AS subject_country,
        o.country_code AS object_country,
        f.period,
        f.value,
        f.article_id,
        coalesce(a.story_id, f.article_id) AS story_id
    FROM fct_figure AS f
    JOIN dim_article AS a USING (article_id)
    LEFT JOIN dim_entity AS s ON s.entity_id = f.subject_entity_id
    LEFT JOIN dim_entity AS o ON o.entity_id = f.object_entity_id
    WHERE NOT f.repeats_body
),
-- How often each article gives each value; a story's copies give the same values alike, so
-- within a story each value counts as many times as the article that repeats it most.
per_article AS (
    SELECT kind, unit, currency, subject_country, object_country, period, value, story_id,
           article_id, count(*) AS times
    FROM figures
    GROUP BY ALL
),
counted AS (
    SELECT
        *,
        max(times) OVER story_value AS story_times,
        row_number() OVER story_value = 1 AS first_of_story
    FROM per_article
    WINDOW story_value AS (
        PARTITION BY kind, unit, currency, subject_country, object_country, period, value,
            story_id
    )
)
SELECT
    kind,
    unit,
    currency,
    subject_country,
    object_country,
    period,
    sum(times)::BIGINT AS figures,
    count(DISTINCT article_id) AS articles,
    sum(value * times) AS total_value,
    min(value) AS min_value,
    max(value) AS max_value,
    count(DISTINCT story_id) AS stories,
    (sum(story_times) FILTER (first_of_story))::BIGINT AS story_figures,
    sum(value * story_times) FILTER (first_of_story) AS story_total_value
FROM counted
GROUP BY ALL;
