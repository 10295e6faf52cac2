-- The Great Expectations outcomes of each run in $run_ids: every article a run loaded shares
-- them, so they are read once per run, not once per article.
SELECT
    d.run_id,
    d.suite,
    d.expectation,
    d.column_name,
    d.severity,
    d.success,
    d.unexpected_count,
    CAST(d.validated_at AS VARCHAR) AS validated_at
FROM dq_results AS d
WHERE d.run_id IN (SELECT unnest($run_ids))
ORDER BY d.run_id, d.suite, d.expectation, d.column_name;
