-- One sentence's tone by VADER: its compound score (-1 most negative to 1 most positive) and
-- the shares of its positive, negative and neutral intensity, with its offsets.
CREATE TABLE IF NOT EXISTS fct_sentence_tone (
    sentence_tone_id VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    sentence_index   INTEGER NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    compound         DOUBLE NOT NULL,
    positive         DOUBLE NOT NULL,
    negative         DOUBLE NOT NULL,
    neutral          DOUBLE NOT NULL,
    field            VARCHAR NOT NULL DEFAULT 'body'  -- title or body: the text the offsets index
);
