-- The stories of touched_stories (registered by orchestration/warehouse/story_load.py: those
-- of a loaded batch and those it merged, or those `newsledger forget` changed) as they now
-- are: their articles' dim_article.story_id, and their dim_story rows rebuilt from their
-- articles. A story with no article left loses its row.
UPDATE dim_article AS a
SET story_id = s.story_id
FROM story_signatures AS s
WHERE s.article_id = a.article_id
    AND a.story_id IS DISTINCT FROM s.story_id
    AND s.story_id IN (SELECT story_id FROM touched_stories);
DELETE FROM dim_story WHERE story_id IN (SELECT story_id FROM touched_stories);
INSERT INTO dim_story BY NAME
SELECT
    s.story_id,
    first(s.article_id ORDER BY a.published_date NULLS LAST, s.article_id <> s.story_id,
        s.article_id) AS first_published_article_id,
    first(a.title ORDER BY a.published_date NULLS LAST, s.article_id <> s.story_id,
        s.article_id) FILTER (a.title IS NOT NULL) AS title,
    count(*) AS articles,
    count(DISTINCT a.source_id) AS outlets,
    min(a.published_date) AS first_published_date,
    max(a.published_date) AS last_published_date,
    current_timestamp::TIMESTAMP AS updated_at
FROM story_signatures AS s
JOIN dim_article AS a USING (article_id)
WHERE s.story_id IN (SELECT story_id FROM touched_stories)
GROUP BY s.story_id;
