"""The theme component: the GKG themes an article names, each with the words that named it.

Two sources, both giving codes of GDELT's taxonomy (see `taxonomy`) with exact offsets:
the topical lexicon's cues (data/themes.tsv, see `theme_cues`) and the keywords the
taxonomy's codes spell, read off the people's titles, the nationalities, the money figures'
currencies and the languages extraction found (see `keyword_themes`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.extract.keyword_themes import (
    currency_themes,
    ethnicity_themes,
    language_themes,
    theme_at,
    title_themes,
)
from orchestration.extract.lemmas import lemma
from orchestration.extract.records import token_chars, token_texts
from orchestration.extract.schema import Theme
from orchestration.extract.theme_cues import AS_WRITTEN, find_cues


def token_forms(doc: Doc) -> list[frozenset[str]]:
    """Each token as the lexicon's cues read it: its lower-cased text, its lemma, and its
    lower-cased text marked as written (`theme_cues.AS_WRITTEN`)."""
    forms = []
    for i, text in enumerate(token_texts(doc)):
        lower = text.lower()
        if text[:1].isalpha():
            forms.append(frozenset({lower, lemma(doc[i]).lower(), AS_WRITTEN + lower}))
        else:
            forms.append(frozenset({text}))
    return forms


def cue_themes(doc: Doc) -> list[Theme]:
    """A theme for each theme each cue of the lexicon found in the doc names."""
    starts, ends = token_chars(doc)
    return [
        theme_at(doc, code, starts[match.start], ends[match.end - 1])
        for match in find_cues(token_forms(doc))
        for code in match.themes
    ]


def find_themes(doc: Doc) -> list[Theme]:
    """Every theme the doc names, in text order; one per theme and place. A nationality word
    written as a language ("translated into English") is the language, not a people."""
    entities = doc._.entities or []
    languages = language_themes(doc)
    spoken = {(t.start, t.end) for t in languages}
    found = [
        *cue_themes(doc),
        *title_themes(doc, entities),
        *(t for t in ethnicity_themes(doc, entities) if (t.start, t.end) not in spoken),
        *currency_themes(doc, doc._.figures or []),
        *languages,
    ]
    unique = {(t.start, t.end, t.theme): t for t in found}
    return sorted(unique.values(), key=lambda t: (t.start, t.end, t.theme))


@Language.factory(
    "newsledger_themes",
    assigns=["doc._.themes"],
    requires=["doc._.entities", "doc._.figures"],
)
def make_themes(nlp: Language, name: str) -> ThemeComponent:
    """Pipeline factory for the theme component (it takes no settings)."""
    return ThemeComponent()


class ThemeComponent:
    """Set doc._.themes."""

    def __init__(self) -> None:
        if not Doc.has_extension("themes"):
            Doc.set_extension("themes", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.themes = find_themes(doc)
        return doc
