"""Entity highlighting: displacy spans, tooltips with canonical names, paragraphs kept apart."""

from orchestration.reports.highlight import displacy_ents, highlight_entities, paragraphs, tooltip


def mention(start: int, end: int, name: str = "Kassym-Jomart Tokayev", **extra) -> dict:
    return {
        "start_char": start,
        "end_char": end,
        "canonical_name": name,
        "entity_type": "PERSON",
        "country_code": "KAZ",
        "entity_id": "ent_tok",
        **extra,
    }


def test_tooltip_names_the_canonical_entity_and_skips_unknown_parts() -> None:
    assert tooltip(mention(0, 7)) == "Kassym-Jomart Tokayev · PERSON · KAZ"
    assert tooltip(mention(0, 7, country_code=None)) == "Kassym-Jomart Tokayev · PERSON"


def test_overlapping_mentions_keep_the_earlier_longer_one() -> None:
    spans = displacy_ents([mention(10, 14), mention(0, 12), mention(0, 5)])
    assert [(s["start"], s["end"]) for s in spans] == [(0, 12)]


def test_paragraphs_are_the_blank_line_separated_blocks() -> None:
    body = "One.\n\nTwo\nlines.\n \n\nThree."
    assert [body[s:e] for s, e in paragraphs(body)] == ["One.", "Two\nlines.", "Three."]


def test_highlighted_text_marks_mentions_with_their_canonical_name() -> None:
    body = "Tokayev <spoke>.\n\nThen Tokayev left."
    html = highlight_entities(body, [mention(0, 7), mention(23, 30)])
    assert html.count('<div class="entities"') == 2
    assert html.count('title="Kassym-Jomart Tokayev · PERSON · KAZ"') == 2
    assert '<span class="entity-label">PERSON</span>' in html
    assert "&lt;spoke&gt;" in html and "<spoke>" not in html


def test_markup_in_names_is_escaped() -> None:
    html = highlight_entities("Evil here.", [mention(0, 4, name='"><script>x</script>')])
    assert "<script>" not in html
