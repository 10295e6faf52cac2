-- The last fetch of every feed polled, and the validators its next poll sends.
SELECT
    feed_url, feed_name, fetched_at, http_status, error, entries, new_pages, deferred, etag,
    last_modified
FROM feed_state
ORDER BY feed_name, feed_url;
