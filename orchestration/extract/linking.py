"""Group mentions into entities with a canonical name, stable id, type and country."""

from __future__ import annotations

import hashlib
from collections import Counter

from spacy.tokens import Doc

from orchestration.extract.attributes import home_country
from orchestration.extract.datafiles import read_words
from orchestration.extract.dateline import Dateline
from orchestration.extract.geo import normalise, read_table
from orchestration.extract.lexicon import GOVERNMENT_TITLES
from orchestration.extract.records import sentence_index
from orchestration.extract.schema import Entity, Mention
from orchestration.extract.spans import Candidate

PRIMARY_DEMONYM = {code: forms[0] for code, forms in read_table("demonyms.tsv")}
ACRONYM_SKIP = read_words("acronym_skip_words.txt")


def entity_id(kind: str, name: str) -> str:
    """Stable identifier of an entity: the same type and canonical name give the same id."""
    return "ent_" + hashlib.sha1(f"{kind}|{name}".encode()).hexdigest()[:16]


def name_words(text: str) -> list[str]:
    """Words of a name, apostrophes normalised."""
    return text.replace("\u2019", "'").split()


def contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether `shorter` occurs as a contiguous run of words in `longer`."""
    n = len(shorter)
    return n < len(longer) and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def acronym(words: list[str]) -> str:
    """Initials of a multi-word name ("World Health Organization" -> "WHO")."""
    return "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIP).upper()


def cluster_key(doc: Doc, cand: Candidate, names: dict[str, str]) -> tuple[str, str]:
    """The key under which mentions of one entity are grouped."""
    if cand.place:
        ident = cand.place.country if cand.place.kind == "country" else cand.place.geonames_id
        return ("PLACE", str(ident))
    if cand.label == "NORP" and cand.country:
        return ("NORP", cand.country)
    text = cand.text(doc)
    return (cand.label, names.get(text, normalise(text)))


def fold_names(doc: Doc, cands: list[Candidate]) -> dict[str, str]:
    """Map short person and organisation names to the full name they abbreviate.

    An organisation is shortened to its first words, its acronym, or its last words when only
    one full name ends so ("Security Council" for "United Nations Security Council"). A short
    form that fits several full names goes to the one the article names first.
    """
    folded: dict[str, str] = {}
    for label in ("PERSON", "ORG"):
        first_seen: dict[str, int] = {}
        for cand in sorted(cands, key=lambda c: c.start):
            if cand.label == label:
                first_seen.setdefault(cand.text(doc), cand.start)
        # Longest first; among names of one length, the first introduced wins a short form
        # that could abbreviate several ("Adeyemi" for two Adeyemis), the same in every run.
        texts = sorted(first_seen, key=lambda t: (-len(name_words(t)), first_seen[t]))
        for short in texts:
            words = name_words(short)
            ending = [
                full
                for full in texts
                if len(name_words(full)) > len(words) > 1
                and name_words(full)[-len(words) :] == words
            ]
            for full in texts:
                long_words = name_words(full)
                if label == "PERSON":
                    same = contains(long_words, words)
                else:
                    same = len(long_words) > len(words) and (
                        long_words[: len(words)] == words
                        or (short.isupper() and len(short) > 1 and acronym(long_words) == short)
                        or ending == [full]
                    )
                if same:
                    folded[short] = normalise(folded.get(full, full))
                    break
    return folded


def holds_office(title: str) -> bool:
    """Whether a title names a government office ("Foreign Minister"), not an honorific
    ("Dr") or a post in an organisation ("Director General")."""
    return any(word in GOVERNMENT_TITLES for word in title.lower().split())


def build_entities(
    doc: Doc, cands: list[Candidate], dateline: Dateline | None
) -> list[tuple[Candidate, Entity]]:
    """Group candidates into entities, each with canonical name, type, country and mentions."""
    names = fold_names(doc, cands)
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for cand in cands:
        groups.setdefault(cluster_key(doc, cand, names), []).append(cand)
    pairs = []
    for members in groups.values():
        entity = make_entity(doc, members, home_country(dateline))
        pairs.extend((cand, entity) for cand in members)
    return sorted(pairs, key=lambda pair: pair[0].start)


def make_entity(doc: Doc, members: list[Candidate], home: str | None) -> Entity:
    """One entity record from the mentions grouped under it.

    A person holding a government office ("President X") with no country cue gets the
    dateline's country.
    """
    texts = [m.text(doc) for m in members]
    place = next((m.place for m in members if m.place), None)
    kind = place.type if place else Counter(m.label for m in members).most_common(1)[0][0]
    countries = Counter(m.country for m in members if m.country)
    country = place.country if place else (countries.most_common(1)[0][0] if countries else None)
    if place:
        name = place.name
    elif kind == "NORP" and country:
        name = PRIMARY_DEMONYM.get(country, texts[0])
    elif kind == "PERSON":
        name = max(texts, key=lambda t: (len(name_words(t)), len(t)))
    else:
        counts = Counter(texts)
        name = max(counts, key=lambda t: (counts[t], len(t)))
    titles = Counter(m.title for m in members if m.title)
    in_office = any(holds_office(title) for title in titles)
    if kind == "PERSON" and in_office and not country and not any(m.office_of_org for m in members):
        country = home
    aliases = sorted(
        {t for t in texts if t != name}
        | {f"{m.title} {m.text(doc)}" for m in members if m.title and kind == "PERSON"}
    )
    return Entity(
        id=entity_id(kind, name),
        name=name,
        type=kind,
        country=country,
        title=titles.most_common(1)[0][0] if titles else None,
        lat=place.point.lat if place and place.point else None,
        lon=place.point.lon if place and place.point else None,
        geonames_id=place.geonames_id if place else None,
        aliases=aliases,
        mentions=[
            Mention(
                doc[m.start].idx,
                doc[m.end - 1].idx + len(doc[m.end - 1]),
                m.text(doc),
                sentence_index(doc, doc[m.start].idx),
            )
            for m in sorted(members, key=lambda m: m.start)
        ],
    )
