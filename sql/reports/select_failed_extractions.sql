-- Articles whose latest extraction attempt failed, with the error: they are tried again by the
-- next extractor version.
SELECT
    f.article_id,
    coalesce(r.title, regexp_extract(r.source, '[^/\\]+$')) AS title,
    r.source,
    f.error_class || ': ' || f.error_message AS reason,
    f.extractor_version,
    CAST(f.failed_at AS VARCHAR) AS failed_at
FROM failed_extractions AS f
JOIN raw_articles AS r USING (article_id)
LEFT JOIN extractions AS e USING (article_id)
WHERE e.extracted_at IS NULL OR f.failed_at > e.extracted_at
QUALIFY row_number() OVER (PARTITION BY f.article_id ORDER BY f.failed_at DESC) = 1
ORDER BY f.failed_at DESC, f.article_id;
