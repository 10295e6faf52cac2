-- One place an article names a theme of GDELT's GKG taxonomy: the theme code and the words that
-- named it, with offsets into the text of its field (title or body).
CREATE TABLE IF NOT EXISTS fct_theme_mention (
    theme_mention_id VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    theme            VARCHAR NOT NULL,  -- a code of the GKG theme taxonomy
    sentence_index   INTEGER,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    surface          VARCHAR NOT NULL,  -- the words that named the theme
    field            VARCHAR NOT NULL DEFAULT 'body'  -- title or body: the text the offsets index
);
