-- One outlet or feed.
CREATE TABLE IF NOT EXISTS dim_source (
    source_id VARCHAR NOT NULL,
    name      VARCHAR NOT NULL
);
