-- feed_state holds one row per (feed_url), enforced where the catalog has keys.
ALTER TABLE feed_state ADD PRIMARY KEY (feed_url);
