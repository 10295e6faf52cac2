-- The texts extraction reads of the articles $article_ids, a few hundred at a time: the
-- articles of one read are ingested together, so the scan skips the bodies of the others.
SELECT article_id, source, title, body, published_date, language
FROM raw_articles
WHERE article_id IN (SELECT unnest($article_ids::VARCHAR[]));
