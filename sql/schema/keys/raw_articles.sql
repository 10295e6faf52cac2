-- raw_articles holds one row per (article_id), enforced where the catalog has keys.
ALTER TABLE raw_articles ADD PRIMARY KEY (article_id);
