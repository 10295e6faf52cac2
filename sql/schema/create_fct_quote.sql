-- One direct quotation with its speaker, when the text names one.
CREATE TABLE IF NOT EXISTS fct_quote (
    quote_id          VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    speaker_entity_id VARCHAR,
    speaker_name      VARCHAR,
    quote_text        VARCHAR NOT NULL,
    verb              VARCHAR,
    sentence_index    INTEGER,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    field             VARCHAR NOT NULL DEFAULT 'body',  -- title or body: the text the offsets index
    tone              DOUBLE  -- VADER's compound score of the quotation, -1 to 1
);
-- Warehouses created before the column: their rows are the body's.
ALTER TABLE fct_quote ADD COLUMN IF NOT EXISTS field VARCHAR DEFAULT 'body';
-- Warehouses created before the column: their quotations' tone is unknown until reloaded.
ALTER TABLE fct_quote ADD COLUMN IF NOT EXISTS tone DOUBLE;
