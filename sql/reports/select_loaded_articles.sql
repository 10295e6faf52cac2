-- Every loaded article with the time of its latest load: the reports compare it with the load
-- each page was written for, so only pages of newly (re)loaded articles are written again.
SELECT article_id, CAST(loaded_at AS VARCHAR) AS loaded_at
FROM dim_article
ORDER BY article_id;
