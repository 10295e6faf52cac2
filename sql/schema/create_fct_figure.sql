-- One numeric figure: money, count, percent, ordinal, duration or quantity, found in the
-- article's title or body (`field`), with offsets into that field's text. A range ("between
-- $12 million and $15 million") has its ends in low_value and high_value and its low end in
-- value; a single number has all three equal. repeats_body marks a title figure the body
-- gives too (same kind, value, unit and currency): sums leave it out so as not to count the
-- amount twice.
CREATE TABLE IF NOT EXISTS fct_figure (
    figure_id         VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    value             DOUBLE,
    low_value         DOUBLE,
    high_value        DOUBLE,
    unit              VARCHAR,
    currency          VARCHAR,          -- ISO 4217, money only
    qualifier         VARCHAR,
    period            VARCHAR,
    subject_entity_id VARCHAR,
    object_entity_id  VARCHAR,
    sentence_index    INTEGER,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    surface           VARCHAR NOT NULL,
    field             VARCHAR NOT NULL DEFAULT 'body',  -- title or body
    repeats_body      BOOLEAN NOT NULL DEFAULT false
);
-- Warehouses created before these columns: their rows are body figures, each a single number.
ALTER TABLE fct_figure ADD COLUMN IF NOT EXISTS low_value DOUBLE;
ALTER TABLE fct_figure ADD COLUMN IF NOT EXISTS high_value DOUBLE;
ALTER TABLE fct_figure ADD COLUMN IF NOT EXISTS field VARCHAR DEFAULT 'body';
ALTER TABLE fct_figure ADD COLUMN IF NOT EXISTS repeats_body BOOLEAN DEFAULT false;
UPDATE fct_figure SET low_value = value, high_value = value WHERE low_value IS NULL;
