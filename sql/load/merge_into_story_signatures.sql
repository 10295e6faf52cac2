-- Stories the batch joined (merged_stories: a new article copies articles of both) take the id
-- of the earlier one; the batch's new articles get their signatures and stories
-- (new_story_members). Both relations are registered by orchestration/warehouse/story_load.py.
UPDATE story_signatures AS s
SET story_id = m.into_story_id
FROM merged_stories AS m
WHERE s.story_id = m.story_id;
INSERT INTO story_signatures BY NAME
SELECT n.article_id, n.story_id, n.signature
FROM new_story_members AS n
WHERE n.article_id NOT IN (SELECT article_id FROM story_signatures);
