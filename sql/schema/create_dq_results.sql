-- One Great Expectations outcome per expectation per validation.
CREATE TABLE IF NOT EXISTS dq_results (
    run_id             VARCHAR NOT NULL,
    suite              VARCHAR NOT NULL,
    expectation        VARCHAR NOT NULL,
    column_name        VARCHAR,
    severity           VARCHAR NOT NULL,   -- error blocks the load, warn is recorded
    success            BOOLEAN NOT NULL,
    element_count      BIGINT,
    unexpected_count   BIGINT,
    unexpected_percent DOUBLE,
    details            JSON,
    validated_at       TIMESTAMP NOT NULL
);
