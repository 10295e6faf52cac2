-- dim_source holds one row per (source_id), enforced where the catalog has keys.
ALTER TABLE dim_source ADD PRIMARY KEY (source_id);
