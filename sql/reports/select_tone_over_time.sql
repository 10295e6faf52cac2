-- The average tone of the articles published each day (dim_article.tone: the share of their
-- words VADER's lexicon rates positive minus the share it rates negative, in percent), and how
-- many articles that day averages.
SELECT
    strftime(published_date, '%Y-%m-%d') AS published_date,
    avg(tone) AS tone,
    count(*) AS articles
FROM dim_article
WHERE published_date IS NOT NULL AND tone IS NOT NULL
GROUP BY published_date
ORDER BY published_date;
