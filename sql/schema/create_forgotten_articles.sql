-- One row per article removed by `newsledger forget`: what it was, who removed it, when and why.
-- An article read again after it was forgotten, and forgotten again, gets a second row.
CREATE TABLE IF NOT EXISTS forgotten_articles (
    article_id   VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,   -- where its body was first read from
    title        VARCHAR,
    reason       VARCHAR,            -- as given with --reason
    forgotten_by VARCHAR NOT NULL,   -- the operating-system user who ran the command
    forgotten_at TIMESTAMP NOT NULL,
    rows_deleted BIGINT NOT NULL     -- over every table that held a row of the article
);
