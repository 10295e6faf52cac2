-- Grain: one row per GKG theme and day its articles were published (published_date is null for
-- articles with no known date).
-- Columns: published_date, date_key (joins dim_date), theme (a code of GDELT's GKG theme
-- taxonomy), articles (articles of that day naming the theme, in the title or the body),
-- mentions (the places they name it).
CREATE OR REPLACE VIEW mart_themes_by_day AS
SELECT
    a.published_date,
    a.date_key,
    t.theme,
    count(DISTINCT t.article_id) AS articles,
    count(*) AS mentions
FROM fct_theme_mention AS t
JOIN dim_article AS a USING (article_id)
GROUP BY ALL;
