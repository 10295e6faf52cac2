-- rejected_inputs holds one row per (source, sha256), enforced where the catalog has keys.
ALTER TABLE rejected_inputs ADD PRIMARY KEY (source, sha256);
