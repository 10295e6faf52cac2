-- Attach a DuckLake warehouse as `lake` for reading only. {catalog} and {data_path} are quoted
-- string literals (ATTACH takes no parameters); an empty data path keeps the recorded one.
ATTACH {catalog} AS lake (DATA_PATH {data_path}, READ_ONLY);
