-- The articles whose body was read from one of $sources (file paths or URLs).
SELECT article_id FROM raw_articles
WHERE list_contains($sources, source) OR list_contains($sources, url)
UNION
SELECT article_id FROM article_sources WHERE list_contains($sources, source)
ORDER BY article_id;
