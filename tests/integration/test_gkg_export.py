"""`newsledger export gkg` writes GDELT GKG 2.1 records that a codebook parser reads back, with
offsets that slice the stored article body exactly.

The parser below follows the GKG 2.1 codebook's field formats, not our SQL: records are lines
of 27 tab-separated fields; multi-value fields are blocks separated by ';' (quotations: '#'),
and a block's fields are separated by '#' (locations, dates), ',' (names, amounts) or '|'
(quotations).
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orchestration.cli import app
from tests.integration.conftest import stored_extraction

SEED = "tokayev-visits-south-korea.txt"
COLUMNS = [
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER", "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES",
    "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
]  # fmt: skip
SEED_QUOTES = {888: 158, 1211: 31, 1246: 167, 1767: 52, 1823: 320, 2708: 195}


@dataclass(frozen=True)
class Location:
    """A V2ENHANCEDLOCATIONS block."""

    type: int
    full_name: str
    country: str
    adm1: str
    adm2: str
    latitude: float | None
    longitude: float | None
    feature_id: str
    offset: int


@dataclass(frozen=True)
class Quotation:
    """A V2.1QUOTATIONS block."""

    offset: int
    length: int
    verb: str
    quote: str


def blocks(field: str, separator: str = ";") -> list[str]:
    """The non-empty blocks of a multi-value field."""
    return [block for block in field.split(separator) if block]


def names_with_offsets(field: str) -> list[tuple[str, int]]:
    """V2ENHANCEDPERSONS, V2ENHANCEDORGANIZATIONS, V2.1ALLNAMES: "Name,Offset" blocks."""
    pairs = [block.rsplit(",", 1) for block in blocks(field)]
    return [(name, int(offset)) for name, offset in pairs]


def coordinate(text: str) -> float | None:
    """A latitude or longitude; None when the field is empty."""
    return float(text) if text else None


def enhanced_locations(field: str) -> list[Location]:
    """V2ENHANCEDLOCATIONS: Type#FullName#CountryCode#ADM1#ADM2#Lat#Long#FeatureID#Offset."""
    located = []
    for block in blocks(field):
        kind, name, country, adm1, adm2, lat, lon, feature, offset = block.split("#")
        located.append(Location(int(kind), name, country, adm1, adm2, coordinate(lat),
                                coordinate(lon), feature, int(offset)))  # fmt: skip
    return located


def v1_locations(field: str) -> list[list[str]]:
    """V1LOCATIONS: Type#FullName#CountryCode#ADM1#Lat#Long#FeatureID."""
    return [block.split("#") for block in blocks(field)]


def amounts(field: str) -> list[tuple[float, str, int]]:
    """V2.1AMOUNTS: "Amount,Object,Offset" blocks."""
    parsed = []
    for block in blocks(field):
        amount, rest = block.split(",", 1)
        what, offset = rest.rsplit(",", 1)
        parsed.append((float(amount), what, int(offset)))
    return parsed


def quotations(field: str) -> list[Quotation]:
    """V2.1QUOTATIONS: "Offset|Length|Verb|Quote" blocks separated by '#'."""
    parsed = []
    for block in blocks(field, "#"):
        offset, length, verb, quote = block.split("|", 3)
        parsed.append(Quotation(int(offset), int(length), verb, quote))
    return parsed


def enhanced_dates(field: str) -> list[tuple[int, int, int, int, int]]:
    """V2.1ENHANCEDDATES: Resolution#Month#Day#Year#Offset."""
    return [tuple(int(part) for part in block.split("#")) for block in blocks(field)]


def read_gkg(path: Path, header: bool = False) -> list[dict[str, str]]:
    """The records of a GKG 2.1 file as {column: raw field}."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if header:
        assert lines.pop(0).split("\t") == COLUMNS
    records = [line.split("\t") for line in lines]
    assert all(len(fields) == len(COLUMNS) for fields in records)
    return [dict(zip(COLUMNS, fields, strict=True)) for fields in records]


def export(warehouse: Path, out: Path, *options: str) -> None:
    done = CliRunner().invoke(
        app, ["export", "gkg", "--out", str(out), "--warehouse", str(warehouse), *options]
    )
    assert done.exit_code == 0, done.output
    assert "wrote 2 GKG records" in done.output


@pytest.fixture(scope="module")
def gkg(loaded_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    """The records `newsledger export gkg` writes for the fixture articles."""
    out = tmp_path_factory.mktemp("gkg") / "export.gkg.csv"
    export(loaded_warehouse, out)
    return read_gkg(out)


@pytest.fixture
def seed(gkg: list[dict[str, str]]) -> dict[str, str]:
    [record] = [r for r in gkg if r["V2DOCUMENTIDENTIFIER"].endswith(SEED)]
    return record


@pytest.fixture
def body(query) -> str:
    return query("select body from raw_articles where source like ?", [f"%{SEED}"])[0][0]


def test_one_record_per_article_with_gdelt_identifiers(gkg: list[dict[str, str]]) -> None:
    assert len(gkg) == 2
    for record in gkg:
        assert re.fullmatch(r"\d{14}-\d+", record["GKGRECORDID"])
        assert re.fullmatch(r"\d{14}", record["V2.1DATE"])
    by_date = {r["V2.1DATE"]: r for r in gkg}
    seed, harbour = by_date["20210816000000"], by_date["20240305000000"]
    assert seed["V2SOURCECOLLECTIONIDENTIFIER"] == "2"  # a file: citation only
    # A file is named by its path from the folder read, the same on every machine; its
    # dateline names no agency, so no outlet is known.
    assert seed["V2DOCUMENTIDENTIFIER"] == SEED
    assert seed["V2SOURCECOMMONNAME"] == ""
    assert harbour["V2SOURCECOLLECTIONIDENTIFIER"] == "1"  # a web page
    assert harbour["V2SOURCECOMMONNAME"] == "example.org"
    assert harbour["V2DOCUMENTIDENTIFIER"] == "https://example.org/valletta-port"
    assert harbour["V2EXTRASXML"] == (
        "<PAGE_TITLE>Port of Valletta reopens after storm repairs</PAGE_TITLE>"
    )


def test_persons_with_offsets_into_the_body(seed: dict[str, str], body: str) -> None:
    persons = names_with_offsets(seed["V2ENHANCEDPERSONS"])
    assert set(blocks(seed["V1PERSONS"])) == {name for name, _ in persons}
    for name in ("Kassym-Jomart Tokayev", "Moon Jae-in"):
        offsets = [offset for person, offset in persons if person == name]
        assert any(body[o : o + len(name)] == name for o in offsets), name
        # Every mention is listed under the canonical name, at the mention ("Tokayev").
        assert all(body[o:].startswith(name.split()[-1]) or body[o:].startswith(name)
                   for o in offsets), name  # fmt: skip
    assert ("Kassym-Jomart Tokayev", 23) in persons


def test_organisations(seed: dict[str, str], body: str) -> None:
    organisations = names_with_offsets(seed["V2ENHANCEDORGANIZATIONS"])
    for name in ("Samsung", "Hyundai", "Lotte", "Posco"):
        [offset] = [o for org, o in organisations if org == name]
        assert body[offset : offset + len(name)] == name


def test_locations_with_fips_codes_and_city_coordinates(
    seed: dict[str, str], body: str, query
) -> None:
    located = enhanced_locations(seed["V2ENHANCEDLOCATIONS"])
    countries = {loc.full_name: loc for loc in located if loc.type == 1}
    assert countries["Kazakhstan"].country == "KZ"
    assert countries["South Korea"].country == "KS"  # FIPS 10-4, as GDELT, not ISO "KR"
    cities = {loc.full_name: loc for loc in located if loc.type == 4}
    astana, busan = cities["Astana, Kazakhstan"], cities["Busan, South Korea"]
    assert astana.latitude == pytest.approx(51.18, abs=0.1)
    assert astana.longitude == pytest.approx(71.45, abs=0.1)
    assert busan.country == "KS" and busan.latitude == pytest.approx(35.1, abs=0.1)
    assert busan.feature_id.isdigit()
    mentions = {
        start
        for (start,) in query(
            """select m.start_char from fct_entity_mention m join raw_articles r using (article_id)
               where r.source like ?""",
            [f"%{SEED}"],
        )
    }
    assert {loc.offset for loc in located} <= mentions
    korea = [loc.offset for loc in located if loc.full_name == "South Korea"]
    assert all(body[o:].startswith(("South Korea", "Korea")) for o in korea)
    assert body[busan.offset : busan.offset + 5] == "Pusan"
    v1 = {fields[1]: fields for fields in v1_locations(seed["V1LOCATIONS"])}
    assert v1["Kazakhstan"] == ["1", "Kazakhstan", "KZ", "KZ", "", "", "KZ"]
    assert len(v1) == len({loc.full_name for loc in located})


def test_amounts_with_object_and_offset(seed: dict[str, str], body: str) -> None:
    parsed = amounts(seed["V2.1AMOUNTS"])
    [(_, what, offset)] = [a for a in parsed if a[0] == 6_000_000_000]
    assert what == "USD"
    assert body[offset:].startswith("more than $6 billion")
    assert (550, "companies", body.index("550 companies")) in parsed


def test_quotations_slice_the_body(seed: dict[str, str], body: str) -> None:
    parsed = quotations(seed["V2.1QUOTATIONS"])
    assert {q.offset: q.length for q in parsed} == SEED_QUOTES
    for q in parsed:
        assert body[q.offset : q.offset + q.length] == q.quote
        assert q.verb in {"say", "describe"}
    assert parsed[0].quote.startswith("I believe that the work on attracting investment")


def test_dates_and_all_names(seed: dict[str, str], body: str, query) -> None:
    dates = enhanced_dates(seed["V2.1ENHANCEDDATES"])
    assert (4, 8, 16, 2021, 107) in dates
    assert body[107:].startswith("Monday, Aug. 16")
    assert (1, 0, 0, 1943, body.index("1943")) in dates
    names = names_with_offsets(seed["V2.1ALLNAMES"])
    record = stored_extraction(query, SEED)
    mentions = [(m["text"], m["start"]) for e in record["entities"] for m in e["mentions"]]
    assert names == sorted(mentions, key=lambda mention: mention[1])
    assert all(body[offset : offset + len(name)] == name for name, offset in names)
    assert seed["V2GCAM"].startswith("wc:448,")  # GCAM's VADER dimension: see test_tone


def enhanced_themes(field: str) -> list[tuple[str, int]]:
    """V2ENHANCEDTHEMES blocks: Theme,Offset."""
    return [(theme, int(offset)) for theme, offset in (b.split(",") for b in blocks(field))]


def test_themes_are_codes_the_body_names_at_their_offsets(
    seed: dict[str, str], body: str, query
) -> None:
    themes = enhanced_themes(seed["V2ENHANCEDTHEMES"])
    assert themes and [offset for _, offset in themes] == sorted(o for _, o in themes)
    assert blocks(seed["V1THEMES"]) == sorted({theme for theme, _ in themes})
    assert ("TAX_FNCACT_PRESIDENT", body.index("President Kassym-Jomart")) in themes
    assert ("WB_698_TRADE", body.index("trade and economic")) in themes
    stored = query(
        """select theme, start_char, surface from fct_theme_mention join raw_articles
           using (article_id) where source like ? and field = 'body'""",
        [f"%{SEED}"],
    )
    assert sorted((t, s) for t, s, _ in stored) == sorted(themes)
    assert all(body[s : s + len(words)] == words for _, s, words in stored)


def test_header_flag(loaded_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "with-header.tsv"
    export(loaded_warehouse, out, "--header")
    assert len(read_gkg(out, header=True)) == 2
