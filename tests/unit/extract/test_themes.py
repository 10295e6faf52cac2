"""Themes: codes of GDELT's GKG taxonomy, named by the lexicon's cues or spelled by the
taxonomy's keyword families, each with offsets that slice its text to the words that named it.

Expected codes are read from the taxonomy's own spelling (gdelt-py's gkg_themes.json), not
from what the extractor printed.
"""

from __future__ import annotations

from typing import Any

from orchestration.extract.datafiles import data_rows
from orchestration.extract.keyword_themes import currency_code, title_code
from orchestration.extract.taxonomy import theme_codes
from orchestration.extract.theme_cues import LEXICON, cue_forms
from tests.conftest import SEED
from tests.unit.extract.conftest import Extract, corpus_texts


def themes(result: dict[str, Any]) -> set[str]:
    return {t["theme"] for t in result["themes"]}


def named(result: dict[str, Any], body: str) -> dict[str, set[str]]:
    """The words each theme was named by, checked to be what its offsets slice."""
    found: dict[str, set[str]] = {}
    for theme in result["themes"]:
        assert body[theme["start"] : theme["end"]] == theme["text"], theme
        found.setdefault(theme["theme"], set()).add(theme["text"])
    return found


def test_the_lexicon_holds_sixty_topical_themes_of_the_taxonomy_each_with_a_rationale() -> None:
    rows = data_rows(LEXICON)
    codes = [row[0] for row in rows]
    assert len(set(codes)) == len(codes) >= 60
    assert set(codes) <= theme_codes()
    for code, cues, rationale in rows:
        assert cues.strip() and rationale.strip(), code


def test_a_hyphenated_cue_matches_the_word_whole_or_split() -> None:
    assert cue_forms("net-zero target") == [("net-zero", "target"), ("net", "-", "zero", "target")]


def test_titles_map_to_the_functional_actor_the_code_spells() -> None:
    assert title_code("President") == "TAX_FNCACT_PRESIDENT"
    assert title_code("Foreign Minister") == "TAX_FNCACT_FOREIGN_MINISTER"
    # The taxonomy has no deputy prime minister: the office the title ends with stands in.
    assert title_code("Deputy Prime Minister") == "TAX_FNCACT_PRIME_MINISTER"
    assert title_code("Mr.") is None


def test_currencies_map_to_the_world_currency_the_code_spells() -> None:
    assert currency_code("USD") == "ECON_WORLDCURRENCIES_US_DOLLAR"
    assert currency_code("KRW") == "ECON_WORLDCURRENCIES_SOUTH_KOREAN_WON"
    assert currency_code("GBP") == "ECON_WORLDCURRENCIES_BRITISH_POUND"
    assert currency_code("KZT") == "ECON_WORLDCURRENCIES_KAZAKHSTANI_TENGE"


def test_topical_cues_are_found_on_lemmas_with_exact_offsets(extract: Extract) -> None:
    body = (
        "The central bank raised interest rates again as inflation climbed, and thousands of "
        "protesters clashed with riot police outside parliament. Two people were killed."
    )
    found = named(extract(body), body)
    assert found["ECON_CENTRALBANK"] == {"central bank"}
    assert found["ECON_INTEREST_RATES"] == {"interest rates"}
    assert found["ECON_INFLATION"] == {"inflation"}
    assert found["PROTEST"] == {"protesters", "riot police"}
    assert found["SECURITY_SERVICES"] == {"riot police"}
    assert found["KILL"] == {"were killed"}


def test_a_bare_ambiguous_word_names_no_theme(extract: Extract) -> None:
    body = (
        "The striker scored twice before the club agreed a trial of the new drug. A flood of "
        "cheap imports reached the market, and the probe left the solar system in March."
    )
    assert themes(extract(body)) & {
        "STRIKE", "TRIAL", "NATURAL_DISASTER_FLOODING", "ENV_SOLAR", "ARMEDCONFLICT",
    } == set()  # fmt: skip


def test_a_longer_cue_takes_its_words_from_a_shorter_one(extract: Extract) -> None:
    body = "The trade union called a general strike over the new wage deal."
    found = named(extract(body), body)
    assert found["ECON_UNIONS"] == {"trade union"}
    assert found["STRIKE"] == {"general strike"}
    assert "WB_698_TRADE" not in found


def test_the_seed_article_names_themes_of_every_kind(extract: Extract) -> None:
    body = SEED.read_text(encoding="utf-8")
    result = extract(body)
    found = named(result, body)
    assert themes(result) <= theme_codes()
    assert found["TAX_FNCACT_PRESIDENT"] >= {"President"}
    assert "TAX_ETHNICITY_KAZAKH" in found
    # The money figure names the currency, its qualifier included.
    assert found["ECON_WORLDCURRENCIES_US_DOLLAR"] == {"more than $6 billion", "$5.9 billion"}
    assert found["WB_698_TRADE"] == {"trade"}
    assert found["HEALTH_PANDEMIC"] == {"pandemic"}


def test_a_name_written_as_a_language_is_the_language_not_a_people(extract: Extract) -> None:
    body = (
        "The minister said in Korean that the Russian language would be taught again. "
        "Ukrainian refugees met Polish officials in French Guiana."
    )
    found = named(extract(body), body)
    assert found["TAX_WORLDLANGUAGES_KOREAN"] == {"Korean"}
    assert found["TAX_WORLDLANGUAGES_RUSSIAN"] == {"Russian"}
    assert "TAX_ETHNICITY_KOREAN" not in found and "TAX_ETHNICITY_RUSSIAN" not in found
    assert found["TAX_ETHNICITY_UKRAINIAN"] == {"Ukrainian"}
    assert "TAX_WORLDLANGUAGES_FRENCH" not in found


def test_a_title_written_after_the_name_is_found_in_its_sentence(extract: Extract) -> None:
    body = "Kofi Asante-Mensah, the president of Ghana, said the plan would work."
    found = named(extract(body), body)
    assert found["TAX_FNCACT_PRESIDENT"] == {"president"}


def test_every_theme_of_the_corpus_is_a_taxonomy_code_at_its_words(extract: Extract) -> None:
    for article in corpus_texts():
        result = extract(article.body)  # the fixture checks that every offset slices the body
        assert themes(result) <= theme_codes(), article.article_id
