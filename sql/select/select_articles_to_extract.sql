-- Articles never extracted, or extracted by another extractor version, leaving out those this
-- version failed on: they are tried again by the next version, not on every run.
-- $article_ids narrows them to one chunk of a run's plan (NULL: every such article).
-- Only ids, in the order extraction takes them: sorting the texts of every pending article to
-- read a few of them would cost memory in proportion to the backlog (see
-- select_article_texts.sql for the texts).
SELECT r.article_id
FROM raw_articles AS r
LEFT JOIN extractions AS e
    ON e.article_id = r.article_id AND e.extractor_version = $extractor_version
WHERE e.article_id IS NULL
    AND NOT EXISTS (
        SELECT 1 FROM failed_extractions AS f
        WHERE f.article_id = r.article_id AND f.extractor_version = $extractor_version
    )
    AND ($article_ids::VARCHAR[] IS NULL OR list_contains($article_ids::VARCHAR[], r.article_id))
ORDER BY r.ingested_at, r.article_id;
