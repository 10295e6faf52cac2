-- One story: the articles whose bodies are near-copies of each other (a wire story printed by
-- several outlets, a republished copy), named after the first of them to be loaded (see
-- orchestration/warehouse/stories.py).
CREATE TABLE IF NOT EXISTS dim_story (
    story_id                   VARCHAR NOT NULL,   -- = story_signatures.story_id
    first_published_article_id VARCHAR NOT NULL,   -- published first (ties: story_id, then by id)
    title                      VARCHAR,            -- that article's title, else the next one's
    articles                   INTEGER NOT NULL,
    outlets                    INTEGER NOT NULL,   -- distinct dim_source rows of its articles
    first_published_date       DATE,
    last_published_date        DATE,
    updated_at                 TIMESTAMP NOT NULL
);
