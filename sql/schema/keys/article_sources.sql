-- article_sources holds one row per (article_id, source), enforced where the catalog has keys.
ALTER TABLE article_sources ADD PRIMARY KEY (article_id, source);
