-- failed_extractions holds one row per (article_id, extractor_version), enforced where the catalog has keys.
ALTER TABLE failed_extractions ADD PRIMARY KEY (article_id, extractor_version);
