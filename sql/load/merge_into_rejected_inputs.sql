-- Record inputs that could not be read; the same bytes from the same place are recorded once.
INSERT OR IGNORE INTO rejected_inputs BY NAME
SELECT DISTINCT ON (source, sha256)
    source, reason, size_bytes, sha256, current_timestamp::TIMESTAMP AS seen_at
FROM incoming_rejections
RETURNING source;
