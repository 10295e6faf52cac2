-- dim_date holds one row per (date_key), enforced where the catalog has keys.
ALTER TABLE dim_date ADD PRIMARY KEY (date_key);
