-- dim_article holds one row per (article_id), enforced where the catalog has keys.
ALTER TABLE dim_article ADD PRIMARY KEY (article_id);
