"""Assets that are tables of the warehouse: one spec per table a stage's multi-asset writes."""

from collections.abc import Mapping, Sequence

import dagster as dg


def table_specs(descriptions: Mapping[str, str | None], deps: Sequence[str]) -> list[dg.AssetSpec]:
    """A DuckDB table asset for each table of `descriptions` (in its order), each depending on
    the assets of `deps`."""
    return [
        dg.AssetSpec(table, deps=deps, kinds={"duckdb"}, description=description)
        for table, description in descriptions.items()
    ]
