-- story_signatures holds one row per (article_id), enforced where the catalog has keys.
ALTER TABLE story_signatures ADD PRIMARY KEY (article_id);
