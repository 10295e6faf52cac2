-- One row per loaded article: the MinHash signature of its body (the values of
-- orchestration/warehouse/stories.py, NUM_PERM of them) and the story it belongs to. Kept so
-- that an article loaded later is matched against every article loaded before it.
CREATE TABLE IF NOT EXISTS story_signatures (
    article_id VARCHAR NOT NULL,
    story_id   VARCHAR NOT NULL,      -- the article_id of the story's first article (dim_story)
    signature  UINTEGER[] NOT NULL
);
