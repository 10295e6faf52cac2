-- Record inputs that could not be read; the same bytes from the same place are recorded once
-- (select/select_new_rejections.sql counts those not recorded yet).
MERGE INTO rejected_inputs AS t
USING (
    SELECT DISTINCT ON (source, sha256)
        source, reason, size_bytes, sha256, current_timestamp::TIMESTAMP AS seen_at
    FROM incoming_rejections
) AS s
ON t.source = s.source AND t.sha256 = s.sha256
WHEN NOT MATCHED THEN INSERT BY NAME;
