-- How many stored articles each language has, most first; 'unknown' for articles read before
-- languages were detected, or with no words to tell theirs by.
SELECT coalesce(language, 'unknown') AS language, count(*) AS articles
FROM raw_articles
GROUP BY ALL
ORDER BY articles DESC, language;
