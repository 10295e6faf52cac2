-- Remember every source an article body was read from.
INSERT OR IGNORE INTO article_sources BY NAME
SELECT DISTINCT article_id, source, current_timestamp::TIMESTAMP AS seen_at
FROM incoming_articles;
