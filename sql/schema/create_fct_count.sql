-- One count in GDELT's GKG sense: how many an event befell (count_type: KILL, WOUND, ARREST,
-- KIDNAP, PROTEST, DISPLACED, EVACUATION, AFFECT, SEIZE, SICKENED), what was counted (the
-- counted noun, when the text gives one), the word naming the event (a lemma: "kill",
-- "dead", "arrests" as "arrest") and the place its clause names, found in the article's title
-- or body (`field`), with offsets into that field's text.
CREATE TABLE IF NOT EXISTS fct_count (
    count_id           VARCHAR NOT NULL,
    article_id         VARCHAR NOT NULL,
    count_type         VARCHAR NOT NULL,
    value              DOUBLE NOT NULL,
    object             VARCHAR,
    qualifier          VARCHAR,
    event              VARCHAR NOT NULL,
    location_entity_id VARCHAR,
    sentence_index     INTEGER,
    start_char         INTEGER NOT NULL,
    end_char           INTEGER NOT NULL,
    surface            VARCHAR NOT NULL,
    field              VARCHAR NOT NULL DEFAULT 'body'  -- title or body
);
