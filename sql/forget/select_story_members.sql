-- The articles left in the stories $story_ids, with their arrival and signature, first
-- arrived first.
SELECT article_id, arrival, signature
FROM story_signatures
WHERE list_contains($story_ids, story_id)
ORDER BY arrival;
