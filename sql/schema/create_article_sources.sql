-- Every place an article body was seen: the same body under two names keeps both.
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    seen_at    TIMESTAMP NOT NULL
);
