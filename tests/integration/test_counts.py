"""A news report of a clash, run through the real job: its arrests, dead, wounded and
evacuated reach fct_count and GKG's V1COUNTS and V2.1COUNTS with the city the sentences name.

The expected counts are read off the article (tests/fixtures/events/nairobi-clash.json); the
GKG fields are parsed as the GKG 2.1 codebook lays them out: blocks separated by ';', fields
by '#': CountType#Count#ObjectType#LocationType#FullName#CountryCode#ADM1Code#Lat#Long#
FeatureID, and in V2.1COUNTS the offset after them.
"""

import json
from pathlib import Path

import duckdb
import pytest

from orchestration.runner import run_job
from tests.conftest import FIXTURES

ARTICLE = FIXTURES / "events" / "nairobi-clash.json"
# (type, number, counted noun, place) of each count in the body, in text order.
EXPECTED = [
    ("ARREST", 30, "people", "Nairobi"),
    ("KILL", 4, "people", "Nairobi"),
    ("WOUND", 12, "others", "Nairobi"),
    ("EVACUATION", 2000, "residents", None),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding the clash report after one successful run."""
    path = tmp_path_factory.mktemp("counts") / "warehouse.duckdb"
    assert run_job([ARTICLE.parent], path).success
    return path


def query(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_fct_count_holds_the_reported_counts(warehouse: Path) -> None:
    rows = query(
        warehouse,
        """select c.count_type, c.value, c.object, e.canonical_name
           from fct_count c left join dim_entity e on e.entity_id = c.location_entity_id
           where c.field = 'body' order by c.start_char""",
    )
    assert rows == EXPECTED


def test_count_offsets_slice_the_body(warehouse: Path) -> None:
    body = json.loads(ARTICLE.read_text(encoding="utf-8"))["body"]
    rows = query(
        warehouse, "select start_char, end_char, surface from fct_count where field = 'body'"
    )
    assert rows and all(body[start:end] == surface for start, end, surface in rows)


def test_headline_count_is_kept_with_its_field(warehouse: Path) -> None:
    assert query(warehouse, "select count_type, value from fct_count where field = 'title'") == [
        ("ARREST", 30)
    ]


def test_gkg_counts_fields(warehouse: Path) -> None:
    [(v1, v21)] = query(warehouse, 'select "V1COUNTS", "V2.1COUNTS" from gkg_export')
    starts = [s for (s,) in query(
        warehouse, "select start_char from fct_count where field = 'body' order by start_char"
    )]  # fmt: skip
    blocks = [block.split("#") for block in v21.split(";")]
    assert all(len(fields) == 11 for fields in blocks)
    parsed = [
        (kind, int(number), obj, name.split(",")[0] or None)
        for kind, number, obj, _, name, *_ in blocks
    ]
    assert parsed == EXPECTED
    assert [int(fields[-1]) for fields in blocks] == starts
    nairobi = [fields for fields in blocks if fields[4]]
    # A world city (type 4) in Kenya (FIPS KE), with coordinates and its geonames id.
    assert {(f[3], f[5]) for f in nairobi} == {("4", "KE")}
    assert all(f[7] and f[8] and f[9] for f in nairobi)
    v1_blocks = v1.split(";")
    assert sorted(v1_blocks) == v1_blocks and len(v1_blocks) == len(set(v1_blocks))
    assert sorted(v1_blocks) == sorted("#".join(fields[:-1]) for fields in blocks)
