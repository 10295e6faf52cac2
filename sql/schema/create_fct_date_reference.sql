-- One date expression, resolved against the article's date.
CREATE TABLE IF NOT EXISTS fct_date_reference (
    date_reference_id VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    date_key          INTEGER,          -- set for day granularity
    resolved_value    VARCHAR,          -- ISO: YYYY, YYYY-MM or YYYY-MM-DD
    granularity       VARCHAR,
    is_relative       BOOLEAN,
    sentence_index    INTEGER,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    surface           VARCHAR NOT NULL,
    field             VARCHAR NOT NULL DEFAULT 'body', -- title or body: the text the offsets index
    end_value         VARCHAR           -- a range's last value, at the same granularity
);
-- Warehouses created before the columns: their rows are the body's, and single dates.
ALTER TABLE fct_date_reference ADD COLUMN IF NOT EXISTS field VARCHAR DEFAULT 'body';
ALTER TABLE fct_date_reference ADD COLUMN IF NOT EXISTS end_value VARCHAR;
