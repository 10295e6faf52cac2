-- One numeric figure: money, count, percent, ordinal, duration or quantity.
CREATE TABLE IF NOT EXISTS fct_figure (
    figure_id         VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    value             DOUBLE,
    unit              VARCHAR,
    currency          VARCHAR,          -- ISO 4217, money only
    qualifier         VARCHAR,
    period            VARCHAR,
    subject_entity_id VARCHAR,
    object_entity_id  VARCHAR,
    sentence_index    INTEGER,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    surface           VARCHAR NOT NULL
);
