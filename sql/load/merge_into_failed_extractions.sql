-- Record the articles extraction failed on; a retry by the same version replaces its row.
MERGE INTO failed_extractions AS t
USING (
    SELECT article_id, extractor_version, error_class, error_message,
           current_timestamp::TIMESTAMP AS failed_at
    FROM new_failures
) AS s
ON t.article_id = s.article_id AND t.extractor_version = s.extractor_version
WHEN MATCHED THEN UPDATE BY NAME
WHEN NOT MATCHED THEN INSERT BY NAME;
