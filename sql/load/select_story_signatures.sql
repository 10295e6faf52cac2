-- Every stored signature with its story and when the story's first article was ingested, to be
-- matched against a batch's new articles.
SELECT s.article_id, s.story_id, f.ingested_at AS story_ingested_at, s.signature
FROM story_signatures AS s
JOIN raw_articles AS f ON f.article_id = s.story_id;
