-- Record which articles a check held back, and for which expectation.
INSERT INTO quarantined_articles BY NAME
SELECT DISTINCT getvariable('run_id') AS run_id, article_id, suite, expectation,
       current_timestamp::TIMESTAMP AS quarantined_at
FROM new_quarantine;
