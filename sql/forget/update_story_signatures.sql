-- The articles left in the stories of forgotten articles, in the stories they form without
-- them (regrouped_members, registered by orchestration/warehouse/story_load.py).
UPDATE story_signatures AS s
SET story_id = r.story_id
FROM regrouped_members AS r
WHERE s.article_id = r.article_id AND s.story_id <> r.story_id;
