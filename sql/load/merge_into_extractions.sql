-- Keep the latest extraction of each article.
INSERT OR REPLACE INTO extractions BY NAME
SELECT article_id, extractor_version, model, current_timestamp::TIMESTAMP AS extracted_at,
       payload::JSON AS payload
FROM new_extractions;
