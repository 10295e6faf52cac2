-- The audit row of one forgotten article, written in the transaction that deletes it.
INSERT INTO forgotten_articles BY NAME
SELECT
    $article_id AS article_id,
    $source AS source,
    $title AS title,
    $reason AS reason,
    $forgotten_by AS forgotten_by,
    current_timestamp::TIMESTAMP AS forgotten_at,
    $rows_deleted AS rows_deleted;
