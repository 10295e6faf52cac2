-- One row per feed polled: its last fetch (when, the HTTP status or the error, the entries it
-- listed, the pages it added and the new entries left for the next poll) and the validators
-- (ETag, Last-Modified) the next poll sends, so that an unchanged feed answers 304.
CREATE TABLE IF NOT EXISTS feed_state (
    feed_url      VARCHAR NOT NULL,
    feed_name     VARCHAR NOT NULL,
    fetched_at    TIMESTAMP NOT NULL,
    http_status   INTEGER,            -- the answer's, an error's too; null when none came
    error         VARCHAR,            -- why the feed could not be read, as in rejected_inputs
    entries       INTEGER NOT NULL,   -- entries the feed listed (0 on a 304)
    new_pages     INTEGER NOT NULL,   -- pages read into articles
    deferred      INTEGER NOT NULL,   -- new entries left for the next poll (max_entries_per_feed)
    etag          VARCHAR,
    last_modified VARCHAR
);
