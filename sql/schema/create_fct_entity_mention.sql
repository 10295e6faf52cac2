-- One mention of an entity in an article, with exact offsets into the text of its
-- field: raw_articles.title or raw_articles.body.
CREATE TABLE IF NOT EXISTS fct_entity_mention (
    mention_id     VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    sentence_index INTEGER,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    surface        VARCHAR NOT NULL,
    field          VARCHAR NOT NULL DEFAULT 'body'  -- title or body: the text the offsets index
);
-- Warehouses created before the column: their rows are the body's.
ALTER TABLE fct_entity_mention ADD COLUMN IF NOT EXISTS field VARCHAR DEFAULT 'body';
