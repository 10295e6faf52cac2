-- Record the articles extraction failed on; a retry by the same version replaces its row.
INSERT OR REPLACE INTO failed_extractions BY NAME
SELECT article_id, extractor_version, error_class, error_message,
       current_timestamp::TIMESTAMP AS failed_at
FROM new_failures;
