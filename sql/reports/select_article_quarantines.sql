-- Each time an article in $article_ids was held back from a load, and by which expectation.
SELECT
    article_id,
    run_id,
    suite,
    expectation,
    CAST(quarantined_at AS VARCHAR) AS quarantined_at
FROM quarantined_articles
WHERE article_id IN (SELECT unnest($article_ids))
ORDER BY article_id, quarantined_at;
