"""Who said a quotation: the subject of a nearby speech verb, resolved to an entity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import (
    ATTRIBUTION_VERBS,
    DASHES,
    PERSON_NOUNS,
    PHRASAL_ATTRIBUTION_VERBS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from orchestration.extract.records import sentence_of
from orchestration.extract.salience import PRONOUN_GENDER, Salience
from orchestration.extract.schema import Entity

SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
OPENING_MARKS = frozenset({"\u201c", "\u00ab", '"'})
CLOSING_MARKS = frozenset({"\u201d", "\u00bb", '"'})
# The longest quoted phrase, in tokens, that an attribution after a quotation passes over.
SHORT_QUOTE_TOKENS = 3
# What a quotation followed by its attribution ends on, inside the closing mark ("…,” said).
ATTRIBUTION_ENDINGS = frozenset({",", "?", "!"})
# How many words after a quotation `tail_verb` reads for the verb that attributes it.
MAX_TAIL_TOKENS = 5
# The marks that end a sentence a quotation may open after (`lead_in_speaker`).
SENTENCE_ENDS = frozenset({".", "!", "?"})
# A verb's dependents that name no speaker after it: who it was said to.
PASSED_OVER_DEPS = frozenset({"dobj", "dative", "iobj"})


@dataclass(frozen=True)
class SpeakerSearch:
    """How far the search for a speaker reaches: `after_words` tokens after the quotation or
    its verb, `climb_steps` clauses up the parse from the verb to its subject, and
    `according_words` tokens after "according to" for the source it names, and
    `reference_sentences` sentences back for the person a pronoun or description means."""

    after_words: int
    climb_steps: int
    according_words: int
    reference_sentences: int


def is_speech_verb(tok: Token) -> bool:
    """Whether a token is a verb that attributes words to its subject ("said", "told",
    "describing", "slammed"), alone or with its particle ("shot back", "went on")."""
    return tok.pos_ == "VERB" and (
        lemma(tok).lower() in ATTRIBUTION_VERBS or phrasal_verb(tok) is not None
    )


def phrasal_verb(tok: Token) -> str | None:
    """The verb with its particle ("shoot back") when the pair attributes words, judged by the
    word right after the verb whatever the parse calls it ("shot back" as advmod)."""
    if tok.i + 1 >= len(tok.doc):
        return None
    after = tok.doc[tok.i + 1]
    pair = f"{lemma(tok).lower()} {after.lower_}"
    return pair if after.head.i == tok.i and pair in PHRASAL_ATTRIBUTION_VERBS else None


def verb_name(tok: Token) -> str:
    """The lemma of a verb of saying, with its particle if it is a phrasal one."""
    return phrasal_verb(tok) or lemma(tok).lower()


def speech_verb_after(doc: Doc, marks: Span, after_words: int) -> Token | None:
    """A speech verb within `after_words` of the closing mark, in the same paragraph ("…,”
    said X), and in the same sentence, which may start right after the mark ("…?” X asked)."""
    for tok in doc[marks.end : marks.end + after_words]:
        if "\n" in tok.text or (tok.text in OPENING_MARKS and not short_quote_at(doc, tok.i)):
            return None
        if is_speech_verb(tok):
            return tok
        if tok.is_sent_start and tok.text[:1].isupper() and tok.i > marks.end:
            return None
    return None


def tail_verb(doc: Doc, marks: Span) -> Token | None:
    """The verb of a clause that follows a quotation closed on a comma, a question or an
    exclamation mark and starts with the verb's subject ("…,” Hannity pressed.", "…?” the
    mayor wondered aloud.", "…,” Lee assured the crowd."): in that place any verb with its
    subject attributes the words. The verb comes within `MAX_TAIL_TOKENS` of the mark."""
    if marks.end < 2 or doc[marks.end - 2].text not in ATTRIBUTION_ENDINGS:
        return None
    for tok in doc[marks.end : marks.end + MAX_TAIL_TOKENS]:
        if tok.is_punct or tok.is_space:
            return None
        if tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            opens = bool(subjects) and subjects[0].left_edge.i == marks.end
            return tok if opens and subjects[0].i < tok.i else None
    return None


def short_quote_at(doc: Doc, i: int) -> bool:
    """Whether the quotation mark at token `i` opens a phrase closed within a few words (a
    name or a scare quote the attribution passes over: "…,” Lee, wearing “Vote No” pins,
    said)."""
    return any(t.text in CLOSING_MARKS for t in doc[i + 1 : i + SHORT_QUOTE_TOKENS + 2])


def speech_verb_before(doc: Doc, marks: Span) -> Token | None:
    """The speech verb nearest before the opening mark, in the same sentence and paragraph."""
    sentence = sentence_of(doc, marks.start)
    for tok in reversed(doc[sentence.start : marks.start]):
        if "\n" in tok.text:
            return None
        if is_speech_verb(tok):
            return tok
    return None


def attribute(
    doc: Doc, marks: Span, salience: Salience, search: SpeakerSearch
) -> tuple[Entity | None, str | None]:
    """The speaker entity of a quotation and the lemma of the verb that introduces it.

    A verb before the quotation whose clause holds it ("X said the coalition had “cut…” and
    promised…") comes first; else the verb after it, else any before it in the sentence, else
    one in a clause that ends in a colon right before it ("Lee added:", "Lee:", "Lee's reply
    was:"). With no such verb, "according to X" names the source, else the subject of the
    clause the quotation stands in ("Lee urged voters to “stay home”"), else of the clause
    a comma ends right before it ("Lee issued a statement, “…”").
    """
    before = speech_verb_before(doc, marks)
    governs = before is not None and before.left_edge.i <= marks.start < before.right_edge.i
    verb = (
        before
        if governs
        else speech_verb_after(doc, marks, search.after_words) or tail_verb(doc, marks) or before
    )
    colon = colon_before(doc, marks)
    if colon is not None and verb is not None and (named := named_after(verb, colon, salience)):
        return named, verb_name(verb)
    if verb is None and colon is not None:
        verb = speech_verb_before(doc, doc[colon.i : colon.i + 1])
        named = salience.owners.get(colon.i - 1)
        if verb is None and named is not None and named.type in SPEAKER_TYPES:
            return named, None
        if verb is None:
            return sentence_subject(doc, colon, marks, salience), None
    if verb is None:
        source = according_to(doc, marks, salience.owners, search.according_words)
        if source is not None:
            return source, "according to"
        subject = clause_subject(doc, marks, salience, search)
        comma = doc[marks.start - 1] if marks.start > 0 else None
        if subject is None and comma is not None and comma.text == ",":
            subject = sentence_subject(doc, comma, marks, salience)
        return subject or signed_after(doc, marks, salience.owners), None
    speaker = resolve_speaker(doc, verb, marks, salience, search)
    if speaker is None:
        # "X said the platform should reiterate “…”": a verb whose subject names no one
        # reports what the verb of saying above it attributes to its subject.
        for outer in reporting_verbs(verb, marks):
            speaker = resolve_speaker(doc, outer, marks, salience, search)
            if speaker is not None:
                return speaker, verb_name(outer)
    return speaker, verb_name(verb)


def reporting_verbs(verb: Token, marks: Span) -> list[Token]:
    """The verbs of saying above `verb` in the parse, nearest first, outside the quotation."""
    inside = range(marks.start, marks.end)
    return [head for head in verb.ancestors if head.i not in inside and is_speech_verb(head)]


def lead_in_speaker(
    doc: Doc, marks: Span, salience: Salience, search: SpeakerSearch
) -> tuple[Entity | None, str | None]:
    """For a quotation that opens its paragraph or a sentence: the speaker a verb of saying in
    the sentence before names, and that verb's lemma ("Lee praised the plan.\n\n“We need
    it now.”", "Lee said in a statement. “We need it now.”"); (None, None) when there is
    none."""
    before = marks.start - 1
    while before >= 0 and doc[before].is_space and "\n" not in doc[before].text:
        before -= 1
    if before < 1 or not ("\n" in doc[before].text or doc[before].text in SENTENCE_ENDS):
        return None, None
    sentence = sentence_of(doc, before - 1 if doc[before].is_space else before)
    for verb in reversed([t for t in sentence if is_speech_verb(t)]):
        speaker = resolve_speaker(doc, verb, marks, salience, search)
        if speaker is not None and speaker.type in SPEAKER_TYPES:
            return speaker, verb_name(verb)
    return None, None


def named_after(verb: Token, colon: Token, salience: Salience) -> Entity | None:
    """The person or organisation named between a verb of saying and the colon that ends its
    clause, the attribution inverted before a quotation ("Continued Lee: “…”"), when the verb
    has no subject of its own ("Lee told Reuters:" names who was told)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    between = [salience.owners.get(t.i) for t in verb.doc[verb.i + 1 : colon.i]]
    named = between[0] if between else None
    if named is None or named.type not in SPEAKER_TYPES:
        return None
    return named if all(e is not None and e.id == named.id for e in between) else None


def colon_before(doc: Doc, marks: Span) -> Token | None:
    """The colon right before a quotation's opening mark, across a paragraph break."""
    i = marks.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 and doc[i].text == ":" else None


def sentence_subject(doc: Doc, colon: Token, marks: Span, salience: Salience) -> Entity | None:
    """The speaker named by the subject of the clause a colon ends ("Lee's answer was:",
    "Lee has since apologised for what happened:"), when the parse hangs the colon on that
    clause or the clause on the quoted words."""
    head = colon
    while head.head.i != head.i and head.head.i < colon.i:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return resolve_subject(doc, subjects[0], marks, salience)
    sentence = sentence_of(doc, colon.i)
    clause = range(sentence.start, colon.i)
    for tok in doc[sentence.start : colon.i]:
        if tok.pos_ not in ("VERB", "AUX") or (tok.head.i in clause and tok.head.i != tok.i):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in clause]
        found = first_resolved(doc, subjects, marks, salience)
        if found is not None:
            return found
    return None


def signed_after(doc: Doc, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The person or organisation a dash names right after a quotation, as a fact check or a
    pull quote signs it ("“…”\n\n— Bernie Sanders.")."""
    i = marks.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in DASHES:
        return None
    entity = owners.get(i + 1)
    return entity if entity is not None and entity.type in SPEAKER_TYPES else None


def clause_subject(
    doc: Doc, marks: Span, salience: Salience, search: SpeakerSearch
) -> Entity | None:
    """The speaker named by the subject of the clause a quotation stands in, within
    `climb_steps` heads of it ("Lee credited the win to “a closed primary”")."""
    head = marks.root
    for _ in range(search.climb_steps):
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ == "VERB" and head.i not in range(marks.start, marks.end):
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].i not in range(marks.start, marks.end):
                return resolve_subject(doc, subjects[0], marks, salience)
    return None


def according_to(doc: Doc, marks: Span, owners: dict[int, Entity], reach: int) -> Entity | None:
    """The source named by "according to X", within `reach` tokens after "to", in the
    quotation's sentence."""
    first = sentence_of(doc, marks.start)
    last = sentence_of(doc, marks.end - 1)
    for tok in [*doc[first.start : marks.start], *doc[marks.end : last.end]]:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for after in doc[tok.i + 2 : tok.i + 2 + reach]:
                entity = owners.get(after.i)
                if entity is not None and entity.type in SPEAKER_TYPES:
                    return entity
    return None


def resolve_speaker(
    doc: Doc, verb: Token, marks: Span, salience: Salience, search: SpeakerSearch
) -> Entity | None:
    """Entity named by the subject of `verb`, climbing to the governing clause if needed; for
    a verb in the passive, the person named after "by" (see `passive_agent`)."""
    owners = salience.owners
    inside = range(marks.start, marks.end)
    agent = passive_agent(verb, owners)
    if agent is not None:
        return agent
    sentence = sentence_of(doc, verb.i)
    head = verb
    for _ in range(search.climb_steps):
        subjects = [
            c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside
        ]
        if subjects:
            return first_resolved(doc, subjects, marks, salience)
        if head.head.i == head.i:
            break
        if head.head.i in inside:
            head = outer_clause(verb, marks)
            if head is None:
                break
            continue
        head = head.head
        if reported_clause(head, marks, sentence):
            # "Lee told Newsmax that Kim “…,” adding, “…”": a clause reported by a verb of
            # saying has the subject of what was said, not of who says more.
            head = head.head
    stranded = stranded_subject(verb, marks)
    if stranded is not None:
        return resolve_subject(doc, stranded, marks, salience)
    return named_beside(doc, verb, marks, owners, search.after_words)


def passive_agent(verb: Token, owners: dict[int, Entity]) -> Entity | None:
    """The person a verb of saying in the passive names after "by": the words are theirs, not
    the subject's ("Lee was asked by host Kim Ames, “…”"). An organisation there is most often
    the medium that reported them ("was quoted by Reuters as saying"), so it does not count."""
    for agent in verb.children:
        if agent.dep_ != "agent":
            continue
        for named in agent.children:
            entity = owners.get(named.i)
            if named.dep_ == "pobj" and entity is not None and entity.type == "PERSON":
                return entity
    return None


def reported_clause(clause: Token, marks: Span, sentence: Span) -> bool:
    """Whether a clause is what a verb of saying in the same sentence reports ("told Newsmax
    that Kim had …"), itself no verb of saying."""
    reporter = clause.head
    return (
        clause.dep_ == "ccomp"
        and not is_speech_verb(clause)
        and reporter.i not in range(marks.start, marks.end)
        and sentence.start <= reporter.i < sentence.end
        and is_speech_verb(reporter)
    )


def first_resolved(
    doc: Doc, subjects: list[Token], marks: Span, salience: Salience
) -> Entity | None:
    """The entity of the first of a verb's subjects that names one: the parse may give a verb
    two ("1:50 p.m. Ferdie Pacheco said", "his nephew Sami Haddad added"). A person or an
    organisation comes before a place, which is then most often the dateline ("LONDON
    (Reuters) - Lee said") or where it was said ("In Salem, New Hampshire, Lee said")."""
    found = [
        entity
        for subject in subjects
        if (entity := resolve_subject(doc, subject, marks, salience)) is not None
    ]
    speakers = [entity for entity in found if entity.type in SPEAKER_TYPES]
    return (speakers or found or [None])[0]


def outer_clause(verb: Token, marks: Span) -> Token | None:
    """The nearest clause before the quotation that governs it, when the parse hung a verb of
    saying that has no subject on the quoted words ("Lee seemed ready to joke, telling the
    crowd, “…”" with "telling" under the quotation's verb)."""
    for head in verb.ancestors:
        if head.i < marks.start and head.pos_ in ("VERB", "AUX"):
            return head
    return None


def stranded_subject(verb: Token, marks: Span) -> Token | None:
    """A capitalised subject the parse hung on a clause before a verb of saying that has none
    ("Lee, meanwhile, who sits on the board, said" parsed with "Lee" the subject of "sits")."""
    for clause in verb.lefts:
        if clause.pos_ not in ("VERB", "AUX") or clause.i in range(marks.start, marks.end):
            continue
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.i < clause.i:
                return (
                    subject
                    if subject.text[:1].isupper() and subject.i == clause.left_edge.i
                    else None
                )
    return None


def named_beside(
    doc: Doc, verb: Token, marks: Span, owners: dict[int, Entity], after_words: int
) -> Entity | None:
    """When the parse gives a verb of saying no subject: the name right before it ("…,” deputy
    chief executive X told"), else the first named between the quotation and the verb ("…,”
    Lee, 58, told"), else the first person, else organisation, named within `after_words`
    after it in the sentence ("said the group's coordinator, X"), but not the one it was said
    to ("told AFP") nor one named in what was said ("said that X was “…”"); last, for a verb
    before the quotation, the first named before it in the sentence ("X, in Ohio, said")."""
    inside = range(marks.start, marks.end)
    left = owners.get(verb.i - 1)
    if left is not None and left.type in SPEAKER_TYPES and verb.i - 1 not in inside:
        return left
    if marks.end <= verb.i and (between := first_named(doc[marks.end : verb.i], marks, owners)):
        return between
    sentence = sentence_of(doc, verb.i)
    before_quote = verb.i < marks.start
    # Before the quotation, what the verb governs is what was said; after it, only who was
    # told, unless the verb opens the clause after it ("…,” added Lee." parsed as an object).
    inverted = not before_quote and all(t.is_space for t in doc[marks.end : verb.i])
    passed_over = (PASSED_OVER_DEPS - {"dobj"} if inverted else PASSED_OVER_DEPS) | (
        {"ccomp"} if before_quote else set()
    )
    passed = {t.i for c in verb.children if c.dep_ in passed_over for t in c.subtree}
    after = doc[verb.i + 1 : min(sentence.end, verb.i + 1 + after_words)]
    found = first_named((t for t in after if t.i not in passed), marks, owners)
    if found is None and before_quote:
        found = first_named(doc[sentence.start : verb.i], marks, owners)
    return found


def resolve_subject(doc: Doc, tok: Token, marks: Span, salience: Salience) -> Entity | None:
    """The entity a subject denotes: a name of any type ("Lee said", "Russia said",
    "Republicans said"), a pronoun, a phrase that names the speaker ("its president, Halima
    Danjuma", "observers from the OSCE") or a title phrase.

    "He" and "she" mean the most salient person before them (see `salience`), never one
    named inside the quotation; so does a definite description of a person that names no one
    ("the senator", "the Republican", "the former governor")."""
    owners = salience.owners
    skip = range(marks.start, marks.end)
    entity = owners.get(tok.i)
    if entity is not None and entity.type not in SPEAKER_TYPES:
        # "In Salem, New Hampshire, Lee said" parsed with Lee in apposition to the place.
        entity = next(
            (
                named
                for c in tok.children
                if c.dep_ == "appos"
                and (named := owners.get(c.i)) is not None
                and named.type == "PERSON"  # not the agency of a dateline, "LONDON (Reuters)"
            ),
            entity,
        )
    if entity is not None and not describes_person(tok):
        return entity
    if tok.lower_ in PRONOUN_GENDER:
        gender = PRONOUN_GENDER[tok.lower_]
        found = salience.person_before(min(tok.i, marks.start), gender, skip)
        salience.resolved[tok.i] = found
        return found
    if tok.lower_ in PRONOUNS:
        return nearest_person(doc, min(tok.i, marks.start), marks, owners)
    found = first_named(tok.subtree, marks, owners) or by_title(doc, tok, marks, owners)
    if found is None and describes_person(tok):
        found = salience.person_before(min(tok.i, marks.start), None, skip)
    return found


def describes_person(tok: Token) -> bool:
    """Whether a subject is a definite description of a person: "the" before a title, a noun
    for a person, or a party or nationality word ("the Republican")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    word = tok.lower_
    return (
        word in TITLE_WORDS
        or word in PERSON_NOUNS
        or lemma(tok).lower() in PERSON_NOUNS
        or (tok.pos_ == "PROPN" and tok.ent_type_ == "NORP")
    )


def first_named(tokens: Iterable[Token], marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The first person, else the first organisation, named among `tokens` outside the quote."""
    named = [
        entity
        for tok in tokens
        if not marks.start <= tok.i < marks.end
        and (entity := owners.get(tok.i)) is not None
        and entity.type in SPEAKER_TYPES
    ]
    people = [e for e in named if e.type == "PERSON"]
    return (people or named or [None])[0]


def nearest_person(
    doc: Doc, before: int, marks: Span, owners: dict[int, Entity], allowed: set[str] | None = None
) -> Entity | None:
    """The person mentioned last before token `before`, outside the quotation itself."""
    for i in range(before - 1, -1, -1):
        entity = owners.get(i)
        if entity is None or entity.type != "PERSON" or marks.start <= i < marks.end:
            continue
        if allowed is None or entity.id in allowed:
            return entity
    return None


def full_title(word: str) -> str:
    """A title word written out ("Sen." -> "senator"), so the two forms match."""
    return TITLE_ABBREVIATIONS.get(word, word)


def by_title(doc: Doc, tok: Token, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The person a title phrase denotes ("the Prime Minister of Japan", "the Polish leader")."""
    phrase = list(tok.subtree)
    titles = {full_title(t.lower_) for t in phrase if t.lower_ in TITLE_WORDS}
    titles -= ROLE_NOUNS
    roles = {t.lower_ for t in phrase if t.lower_ in ROLE_NOUNS}
    countries = {
        e.country
        for t in phrase
        if (e := owners.get(t.i)) is not None and e.type in ("GPE", "NORP") and e.country
    }
    if not titles and not (roles and countries):
        return None
    people = {e.id: e for e in owners.values() if e.type == "PERSON"}
    fitting = {
        e.id
        for e in people.values()
        if (not countries or e.country in countries)
        and (not titles or (e.title and titles & {full_title(w) for w in e.title.lower().split()}))
    }
    if len(fitting) == 1:
        return people[fitting.pop()]
    if fitting:
        return nearest_person(doc, marks.start, marks, owners, fitting)
    return None
