-- The arrival number the next article to join the stories gets.
SELECT coalesce(max(arrival), 0) + 1 FROM story_signatures;
