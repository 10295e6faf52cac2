-- Articles among $article_ids that `newsledger forget` removed, with the last removal's
-- who, when and why, as the reason a forgotten article is not read again.
SELECT
    article_id,
    'forgotten on ' || strftime(max(forgotten_at), '%Y-%m-%d')
        || ' by ' || arg_max(forgotten_by, forgotten_at)
        || coalesce(': ' || arg_max(reason, forgotten_at), '')
        || '; not read again' AS reason
FROM forgotten_articles
WHERE article_id IN (SELECT unnest($article_ids))
GROUP BY article_id;
