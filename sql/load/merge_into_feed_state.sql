-- The last fetch of each feed polled by this run replaces the one before it.
MERGE INTO feed_state AS t
USING (
    SELECT
        feed_url, feed_name, current_timestamp::TIMESTAMP AS fetched_at, http_status, error,
        entries, new_pages, deferred, etag, last_modified
    FROM incoming_feed_state
) AS s
ON t.feed_url = s.feed_url
WHEN MATCHED THEN UPDATE BY NAME
WHEN NOT MATCHED THEN INSERT BY NAME;
