-- dim_story holds one row per (story_id), enforced where the catalog has keys.
ALTER TABLE dim_story ADD PRIMARY KEY (story_id);
