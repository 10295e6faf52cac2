-- Keep the latest extraction of each article.
MERGE INTO extractions AS t
USING (
    SELECT article_id, extractor_version, model, current_timestamp::TIMESTAMP AS extracted_at,
           payload::JSON AS payload
    FROM new_extractions
) AS s
ON t.article_id = s.article_id
WHEN MATCHED THEN UPDATE BY NAME
WHEN NOT MATCHED THEN INSERT BY NAME;
