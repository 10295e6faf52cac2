-- One outlet or feed.
CREATE TABLE IF NOT EXISTS dim_source (
    source_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL
);
