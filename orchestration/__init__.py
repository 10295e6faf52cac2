"""newsledger: news articles into an analytical DuckDB warehouse, orchestrated by Dagster."""
