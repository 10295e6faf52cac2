-- Record that the warehouse now has the schema whose DDL digest is $version.
INSERT INTO schema_version VALUES ($version, current_timestamp::TIMESTAMP);
