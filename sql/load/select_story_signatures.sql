-- Every stored signature with its story and the arrival of the story's first article, to be
-- matched against a batch's new articles.
SELECT
    article_id,
    story_id,
    min(arrival) OVER (PARTITION BY story_id) AS story_arrival,
    signature
FROM story_signatures;
