-- Entities of the batch; a known entity keeps its facts and gains any it lacked (and is left
-- untouched when it lacks none the batch knows).
MERGE INTO dim_entity AS t
USING (
    SELECT DISTINCT ON (entity_id)
        entity_id, canonical_name, entity_type, country_code, title, latitude, longitude,
        geonames_id
    FROM batch_entities
    ORDER BY entity_id, entity_id <> extracted_entity_id, country_code NULLS LAST,
        geonames_id NULLS LAST, title NULLS LAST
) AS s
ON t.entity_id = s.entity_id
WHEN MATCHED AND (
    (t.country_code IS NULL AND s.country_code IS NOT NULL)
    OR (t.title IS NULL AND s.title IS NOT NULL)
    OR (t.latitude IS NULL AND s.latitude IS NOT NULL)
    OR (t.longitude IS NULL AND s.longitude IS NOT NULL)
    OR (t.geonames_id IS NULL AND s.geonames_id IS NOT NULL)
) THEN UPDATE SET
    country_code = coalesce(t.country_code, s.country_code),
    title = coalesce(t.title, s.title),
    latitude = coalesce(t.latitude, s.latitude),
    longitude = coalesce(t.longitude, s.longitude),
    geonames_id = coalesce(t.geonames_id, s.geonames_id)
WHEN NOT MATCHED THEN INSERT BY NAME;
