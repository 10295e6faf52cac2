"""The seed article's tone, measured by a real run, reaches the warehouse and its GKG record.

The expected word counts come from VADER's lexicon file read here on its own, with VADER's
documented tokenisation (whitespace-separated words, outer punctuation stripped unless that
leaves two characters or fewer), and the scores of sentences and quotations from VADER's
analyzer: the library's own behaviour, not our code's.
"""

import re
import shutil
import string
from pathlib import Path

import duckdb
import pytest
import vaderSentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from orchestration.runner import run_job
from tests.conftest import FIXTURES
from tests.integration.conftest import stored_extraction
from tests.integration.test_gkg_export import SEED, export, read_gkg

LEXICON = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
TONE_COLUMNS = [
    "tone", "positive_score", "negative_score", "polarity", "activity_density",
    "self_group_density", "tone_word_count", "gcam_vader_words", "gcam_vader_valence",
]  # fmt: skip
GCAM = re.compile(r"wc:(\d+),c26\.1:(\d+),v26\.1:(-?\d+(?:\.\d+)?(?:e-?\d+)?)")


def lexicon() -> dict[str, float]:
    """VADER's lexicon: each token with its mean valence (the file's second column)."""
    rows = [line.split("\t") for line in LEXICON.read_text(encoding="utf-8").splitlines()]
    return {row[0]: float(row[1]) for row in rows if len(row) > 1}


def word_valences(body: str) -> tuple[int, list[float]]:
    """The body's word count and the valences of its words found in the lexicon."""
    words = body.split()
    stripped = [w.strip(string.punctuation) for w in words]
    kept = [s if len(s) > 2 else w for s, w in zip(stripped, words, strict=True)]
    found = lexicon()
    return len(words), [found[w.lower()] for w in kept if w.lower() in found]


@pytest.fixture(scope="module")
def seed(loaded_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The seed's record in what `newsledger export gkg` writes."""
    out = tmp_path_factory.mktemp("gkg-tone") / "export.gkg.csv"
    export(loaded_warehouse, out)
    [record] = [r for r in read_gkg(out) if r["V2DOCUMENTIDENTIFIER"].endswith(SEED)]
    return record


@pytest.fixture
def body(query) -> str:
    return query("select body from raw_articles where source like ?", [f"%{SEED}"])[0][0]


def test_seed_gkg_record_has_the_seven_tone_fields(seed: dict[str, str], body: str) -> None:
    fields = seed["V1.5TONE"].split(",")
    assert len(fields) == 7
    tone, positive, negative, polarity, activity, self_group = map(float, fields[:6])
    words, valences = word_valences(body)
    assert int(fields[6]) == words == 448
    assert positive == pytest.approx(100 * sum(v > 0 for v in valences) / words)
    assert negative == pytest.approx(100 * sum(v < 0 for v in valences) / words)
    assert tone == pytest.approx(positive - negative)
    assert polarity == pytest.approx(positive + negative)
    # A press report has verbs and speaks of "our" countries, but not in every word.
    assert 0 < activity < 50
    assert 0 < self_group < 20


def test_seed_gcam_carries_vaders_dimension(seed: dict[str, str], body: str) -> None:
    match = GCAM.fullmatch(seed["V2GCAM"])
    assert match, seed["V2GCAM"]
    words, valences = word_valences(body)
    assert int(match[1]) == words
    assert int(match[2]) == len(valences) > 0
    assert float(match[3]) == pytest.approx(sum(valences) / len(valences))


def test_dim_article_holds_the_extracted_tone(query) -> None:
    record = stored_extraction(query, SEED)["article"]
    [row] = query(
        f"""select {", ".join(TONE_COLUMNS)}
           from dim_article as d join raw_articles as r using (article_id)
           where r.source like ?""",
        [f"%{SEED}"],
    )
    names = [
        "tone", "positive_score", "negative_score", "polarity", "activity_density",
        "self_group_density", "word_count", "gcam_vader_words", "gcam_vader_valence",
    ]  # fmt: skip
    assert list(row) == pytest.approx([record[name] for name in names])


def test_quotations_carry_their_own_tone(query) -> None:
    quotes = query(
        """select q.quote_text, q.tone from fct_quote q join raw_articles r using (article_id)
           where r.source like ?""",
        [f"%{SEED}"],
    )
    assert len(quotes) == 6
    vader = SentimentIntensityAnalyzer()
    for text, tone in quotes:
        assert tone == vader.polarity_scores(text)["compound"], text
    # "... our strategic partnership" is said with warmth.
    assert max(tone for _, tone in quotes) > 0.5


def test_every_sentence_has_its_tone_with_offsets(query, body: str) -> None:
    rows = query(
        """select t.sentence_index, t.start_char, t.end_char, t.compound, t.positive,
                  t.negative, t.neutral
           from fct_sentence_tone t join raw_articles r using (article_id)
           where r.source like ? and t.field = 'body' order by t.sentence_index""",
        [f"%{SEED}"],
    )
    mentioned = query(
        """select distinct m.sentence_index from fct_entity_mention m
           join raw_articles r using (article_id) where r.source like ? and m.field = 'body'""",
        [f"%{SEED}"],
    )
    indexes = [row[0] for row in rows]
    assert len(indexes) == len(set(indexes)) > 10
    assert {s for (s,) in mentioned} <= set(indexes)
    vader = SentimentIntensityAnalyzer()
    for _, start, end, compound, positive, negative, neutral in rows:
        text = body[start:end]
        assert text == text.strip() and text
        scores = vader.polarity_scores(text)
        assert (compound, positive, negative, neutral) == (
            scores["compound"], scores["pos"], scores["neg"], scores["neu"],
        )  # fmt: skip


def test_a_warehouse_from_before_tone_gets_its_columns_and_exports_without_tone(
    loaded_warehouse: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(loaded_warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        for column in TONE_COLUMNS:
            con.execute(f"alter table dim_article drop column {column}")
        con.execute("alter table fct_quote drop column tone")
        con.execute("drop table fct_sentence_tone")
        con.execute("delete from schema_version")  # as a warehouse from before tone

    assert run_job([FIXTURES / "articles"], warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = {
            c
            for (c,) in con.execute("select name from pragma_table_info('dim_article')").fetchall()
        }
        assert set(TONE_COLUMNS) <= columns
        assert con.execute("select count(*) from fct_sentence_tone").fetchone() == (0,)
    out = tmp_path / "export.gkg.csv"
    export(warehouse, out)
    [seed] = [r for r in read_gkg(out) if r["V2DOCUMENTIDENTIFIER"].endswith(SEED)]
    # Its articles were loaded before tone was measured: no tone until they are loaded again.
    assert seed["V1.5TONE"] == ""
    assert seed["V2GCAM"] == "wc:448"
