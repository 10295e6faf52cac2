-- Record the outcomes of one validation.
INSERT INTO dq_results BY NAME
SELECT run_id, suite, expectation, column_name, severity, success, element_count,
       unexpected_count, unexpected_percent, details::JSON AS details,
       current_timestamp::TIMESTAMP AS validated_at
FROM new_outcomes;
