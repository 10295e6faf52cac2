-- Articles held back from a load because rows of theirs failed an error-level expectation.
CREATE TABLE IF NOT EXISTS quarantined_articles (
    run_id         VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    suite          VARCHAR NOT NULL,
    expectation    VARCHAR NOT NULL,
    quarantined_at TIMESTAMP NOT NULL
);
