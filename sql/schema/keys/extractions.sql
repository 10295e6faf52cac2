-- extractions holds one row per (article_id), enforced where the catalog has keys.
ALTER TABLE extractions ADD PRIMARY KEY (article_id);
