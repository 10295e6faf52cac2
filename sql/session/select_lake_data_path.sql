-- The folder (or URL) the attached lake keeps its Parquet files in, as it recorded it.
SELECT value FROM lake.options() WHERE option_name = 'data_path';
