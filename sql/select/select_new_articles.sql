-- The incoming article bodies the warehouse does not hold yet: those merge_into_raw_articles.sql
-- adds, when run before it in the same transaction.
SELECT DISTINCT article_id
FROM incoming_articles
ANTI JOIN raw_articles USING (article_id)
ORDER BY article_id;
