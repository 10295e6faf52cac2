-- One row per input that could not be read as an article, with the reason.
CREATE TABLE IF NOT EXISTS rejected_inputs (
    source     VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    size_bytes BIGINT,
    sha256     VARCHAR NOT NULL,
    seen_at    TIMESTAMP NOT NULL
);
