-- Every URL already ingested, so feed polling fetches only new pages. Pages that failed are
-- not listed: they are tried again on the next poll.
SELECT url FROM raw_articles WHERE url IS NOT NULL
UNION
SELECT source FROM article_sources;
