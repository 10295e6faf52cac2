-- Attach a DuckLake warehouse as `lake` for writing. {catalog} and {data_path} are quoted string
-- literals (ATTACH takes no parameters); an empty data path keeps the one the lake recorded when
-- it was created. A catalog made by an older DuckLake is brought to the current format.
ATTACH {catalog} AS lake (DATA_PATH {data_path}, AUTOMATIC_MIGRATION TRUE);
