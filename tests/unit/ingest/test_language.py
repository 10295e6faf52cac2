"""An article's language is detected when it is read: an ISO 639-1 code and a confidence,
from its title and the head of its body."""

from pathlib import Path

import pytest

from orchestration.ingest.articles import ArticleInput, word_count
from orchestration.ingest.language import (
    DETECTION_CHARS,
    detect_language,
    detection_text,
    language_name,
    with_language,
)
from orchestration.ingest.readers import read_path

# Short news paragraphs, each written in its language for these tests.
TEXTS = {
    "en": (
        "The central bank raised its main interest rate by a quarter of a point on Thursday, "
        "saying that inflation had stayed above its target for a third month in a row. "
        "Economists had expected the move and said more increases were likely this year."
    ),
    "fr": (
        "La banque centrale a relevé jeudi son principal taux d'intérêt d'un quart de point, "
        "en expliquant que l'inflation restait au-dessus de son objectif pour le troisième mois. "
        "Les économistes s'attendaient à cette décision et jugent probables d'autres hausses."
    ),
    "de": (
        "Die Zentralbank hat am Donnerstag ihren Leitzins um einen Viertelpunkt angehoben, weil "
        "die Inflation den dritten Monat in Folge über dem Zielwert geblieben ist. "
        "Ökonomen hatten mit dem Schritt gerechnet und halten weitere Erhöhungen für "
        "wahrscheinlich."
    ),
    "es": (
        "El banco central subió el jueves su tipo de interés principal un cuarto de punto y "
        "explicó que la inflación se mantuvo por encima de su objetivo por tercer mes seguido. "
        "Los economistas esperaban la decisión y creen probables nuevas subidas este año."
    ),
    "ru": (
        "Центральный банк в четверг повысил ключевую ставку на четверть пункта, объяснив, что "
        "инфляция третий месяц подряд остаётся выше целевого уровня. "
        "Экономисты ожидали этого решения и считают вероятным новое повышение в этом году."
    ),
    "ar": (
        "رفع البنك المركزي يوم الخميس سعر الفائدة الرئيسي بمقدار ربع نقطة، مشيرا إلى أن التضخم "
        "ظل أعلى من المستوى المستهدف للشهر الثالث على التوالي. "
        "وكان الاقتصاديون يتوقعون هذه الخطوة ويرجحون زيادات أخرى هذا العام."
    ),
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_each_language_is_detected_with_its_iso_code(code: str) -> None:
    found = detect_language(None, TEXTS[code])
    assert found.code == code
    assert found.confidence is not None and 0.5 < found.confidence <= 1


def test_the_title_counts_with_the_body() -> None:
    assert detect_language("Hausse des taux", TEXTS["fr"]).code == "fr"
    assert detection_text("Hausse des taux", "x" * 5000).startswith("Hausse des taux\nxxx")


def test_only_the_head_of_a_long_body_is_read() -> None:
    assert len(detection_text("A title", TEXTS["en"] * 100)) == DETECTION_CHARS
    head = " ".join([TEXTS["en"]] * 7)
    assert len(head) > DETECTION_CHARS
    assert detect_language(None, head + " " + TEXTS["fr"] * 100).code == "en"


# A results table of the kind sports pages print, written for these tests: names, countries
# and times, with hardly a common word.
RESULTS = (
    "Men's 1,500 metres\n1. Hicham Kebede ( Morocco ) 3:31.02\n2. Anders Lindqvist ( Sweden ) "
    "3:31.77\n3. Laban Kiptoo ( Kenya ) 3:32.10\n4. Marco Viciosa ( Spain ) 3:33.41\n"
    "5. Tadeusz Nowak ( Poland ) 3:33.96\n6. Ion Popescu ( Romania ) 3:34.20\n"
    "Women's 200 metres\n1. Chandra Bailey ( Bahamas ) 22.31\n2. Irina Volkova ( Russia ) 22.47"
)


def test_a_table_of_names_and_numbers_is_not_taken_for_another_language() -> None:
    # With no common words to go on, lingua would name a language with full confidence; the
    # table is left undetected, so an English page holding it is still extracted.
    assert detect_language("ATHLETICS - RESULTS", RESULTS) == detect_language(None, "")
    assert detect_language("Results", f"{TEXTS['en']}\n{RESULTS}").code == "en"


def test_text_without_words_has_no_language() -> None:
    found = detect_language(None, "2024 - 17.5% / 3,000 (+12) 45 67 89 10 11 12 13 14 15 16 17")
    assert (found.code, found.confidence) == (None, None)


def test_with_language_keeps_the_article_and_adds_its_language() -> None:
    article = ArticleInput(source="a.txt", title="Leitzins steigt", body=TEXTS["de"])
    detected = with_language(article)
    assert (detected.language, detected.body, detected.title) == (
        "de",
        article.body,
        "Leitzins steigt",
    )
    assert detected.article_id == article.article_id


def test_reading_a_file_detects_its_language(tmp_path: Path) -> None:
    (tmp_path / "taux.txt").write_text(f"Hausse des taux\n\n{TEXTS['fr']}", encoding="utf-8")
    [article] = read_path(tmp_path / "taux.txt").articles
    assert article.language == "fr"


def test_language_names_for_reports() -> None:
    assert (language_name("fr"), language_name("ru"), language_name("en")) == (
        "French",
        "Russian",
        "English",
    )
    assert language_name("xx") == "xx"


# A short report in Chinese, written for these tests: no spaces between its words.
CHINESE = (
    "北京，3月5日——国家统计局周二公布的数据显示，今年前两个月全国规模以上工业增加值同比增长"
    "百分之六点二，高于市场预期。统计局发言人表示，制造业投资保持稳定增长，消费市场逐步回暖。"
)


def test_an_article_written_without_spaces_is_read_with_its_language(tmp_path: Path) -> None:
    assert word_count(CHINESE) > 20
    assert word_count("The 3 words") == 3
    assert word_count("Tokyo 東京 office") == 4
    (tmp_path / "gongye.txt").write_text(CHINESE, encoding="utf-8")
    read = read_path(tmp_path / "gongye.txt")
    assert not read.rejections
    [article] = read.articles
    assert article.language == "zh"
