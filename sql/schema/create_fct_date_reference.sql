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
    end_value         VARCHAR           -- a range's last value, at the same granularity
);
