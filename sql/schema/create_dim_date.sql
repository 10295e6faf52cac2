-- One calendar day, with the usual calendar attributes.
CREATE TABLE IF NOT EXISTS dim_date (
    date_key     INTEGER NOT NULL,   -- YYYYMMDD
    date         DATE NOT NULL,
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL,
    month        INTEGER NOT NULL,
    month_name   VARCHAR NOT NULL,
    day          INTEGER NOT NULL,
    day_of_week  INTEGER NOT NULL,      -- ISO: Monday = 1
    day_name     VARCHAR NOT NULL,
    iso_week     INTEGER NOT NULL,
    is_weekend   BOOLEAN NOT NULL
);
