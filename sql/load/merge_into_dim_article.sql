-- One row per article of the batch, replacing an earlier load of the same article.
MERGE INTO dim_article AS t
USING (
    SELECT
        article_id,
        substr(md5(outlet), 1, 16) AS source_id,
        CAST(strftime(published_date, '%Y%m%d') AS INTEGER) AS date_key,
        source,
        title,
        published_date,
        published_date_source,
        dateline,
        dateline_entity_id,
        word_count,
        extractor_version,
        extractor_model,
        extracted_at,
        current_timestamp::TIMESTAMP AS loaded_at,
        tone,
        positive_score,
        negative_score,
        polarity,
        activity_density,
        self_group_density,
        tone_word_count,
        gcam_vader_words,
        gcam_vader_valence,
        language,
        authors
    FROM batch_articles
) AS s
ON t.article_id = s.article_id
WHEN MATCHED THEN UPDATE BY NAME
WHEN NOT MATCHED THEN INSERT BY NAME;
