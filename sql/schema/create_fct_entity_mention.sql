-- One mention of an entity in an article, with exact offsets into raw_articles.body.
CREATE TABLE IF NOT EXISTS fct_entity_mention (
    mention_id     VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    sentence_index INTEGER,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    surface        VARCHAR NOT NULL
);
