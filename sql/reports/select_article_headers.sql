-- The header and text of each article in $article_ids.
SELECT
    a.article_id,
    coalesce(a.title, regexp_extract(a.source, '[^/\\]+$')) AS title,
    a.source,
    nullif(s.name, 'unknown') AS outlet,
    r.url,
    r.body,
    a.published_date,
    a.published_date_source,
    a.dateline,
    a.word_count,
    a.extractor_version,
    a.extractor_model,
    CAST(a.loaded_at AS VARCHAR) AS loaded_at,
    a.language,
    a.authors
FROM dim_article AS a
JOIN raw_articles AS r USING (article_id)
LEFT JOIN dim_source AS s USING (source_id)
WHERE a.article_id IN (SELECT unnest($article_ids));
