-- Articles extraction could not handle, one row per article and extractor version. An article
-- failed by the current version is not tried again until the extractor version changes.
CREATE TABLE IF NOT EXISTS failed_extractions (
    article_id        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    error_class       VARCHAR NOT NULL,   -- the exception's class, e.g. BrokenProcessPool
    error_message     VARCHAR NOT NULL,   -- what went wrong, plainly for known causes
    failed_at         TIMESTAMP NOT NULL
);
