-- One real-world entity: canonical name, type, country and, for places, coordinates.
CREATE TABLE IF NOT EXISTS dim_entity (
    entity_id      VARCHAR NOT NULL,
    canonical_name VARCHAR NOT NULL,
    entity_type    VARCHAR NOT NULL,
    country_code   VARCHAR,             -- ISO 3166-1 alpha-3
    title          VARCHAR,
    latitude       DOUBLE,
    longitude      DOUBLE,
    geonames_id    BIGINT
);
