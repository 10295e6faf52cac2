-- One surface form of an entity; alias_key is the case- and punctuation-folded form used for lookups.
CREATE TABLE IF NOT EXISTS dim_entity_alias (
    alias     VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    alias_key VARCHAR NOT NULL
);
