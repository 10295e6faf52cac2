-- Bytes of the attached lake's Parquet files, data and deletions, over every table.
SELECT coalesce(sum(file_size_bytes + delete_file_size_bytes), 0)::BIGINT
FROM ducklake_table_info('lake');
