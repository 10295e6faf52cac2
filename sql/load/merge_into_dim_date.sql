-- Every calendar day the batch refers to: publication days and day-level date references.
-- A day already known is left as it is.
MERGE INTO dim_date AS t
USING (
    WITH days AS (
        SELECT published_date AS d FROM batch_articles WHERE published_date IS NOT NULL
        UNION
        SELECT TRY_CAST(resolved_value AS DATE) FROM batch_date_references WHERE granularity = 'day'
    )
    SELECT
        CAST(strftime(d, '%Y%m%d') AS INTEGER) AS date_key,
        d AS date,
        year(d) AS year,
        quarter(d) AS quarter,
        month(d) AS month,
        monthname(d) AS month_name,
        day(d) AS day,
        isodow(d) AS day_of_week,
        dayname(d) AS day_name,
        week(d) AS iso_week,
        isodow(d) >= 6 AS is_weekend
    FROM days
    WHERE d IS NOT NULL
) AS s
ON t.date_key = s.date_key
WHEN NOT MATCHED THEN INSERT BY NAME;
