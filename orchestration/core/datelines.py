"""How a news report writes its dateline ("SEOUL, Aug. 16 (Reuters) -", "XI'AN. KAZINFORM -"),
judged by its form alone.

Reading an input (ingest) takes the agency a dateline names as the article's outlet, and
extraction finds the dateline's place; both read the head of a text with the one pattern
defined here. Whether the head word is a real place is extraction's question (it has the
gazetteer and the model); the form alone is what reading can judge.
"""

from __future__ import annotations

import re

from orchestration.core.bylines import body_head

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
CAPS_WORD = r"(?:[A-Z]{1,3}\.|[A-Z][A-Z'\u2019]*(?:-[A-Z][A-Z'\u2019]*)*)"
CAPS_PLACE = rf"{CAPS_WORD}(?: {CAPS_WORD})*"
TITLE_PLACE = r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*"
DASH = r"(?:[\u2013\u2014:]|-{1,2})"
# An agency named in capitals after the dateline: "UZA" in "TASHKENT. UZA \u2013 The minister".
# After a full stop the dash may be left out ("ASTANA. KAZINFORM President Tokayev"), when
# a capitalised word follows the agency's name.
AGENCY_CAPS = r"[A-Z][A-Z&]{2,}(?:[ \-][A-Z][A-Z&]+)*"
HEAD_AGENCIES = ("agency1", "agency2", "agency3")
# Matched where a report starts (`DATELINE_RE.match(text, body_head(text))`): at the head of
# the text, or after its byline line.
DATELINE_RE = re.compile(
    rf"\s*(?P<place>{CAPS_PLACE}|{TITLE_PLACE})"
    rf"(?:,\s*(?!{MONTH}\s*\d)(?P<region>{TITLE_PLACE}|{CAPS_PLACE}))?"
    rf"(?:,?\s*(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}))?"
    rf"\s*(?:\(\s*(?P<agency1>[A-Z][\w&.\- ]{{1,30}}?)\s*\))?"
    rf"(?:\s*(?P<sep>{DASH}|(?P<dot>\.))\s+|(?<=\d)\s*\n)"
    rf"(?:(?P<agency2>{AGENCY_CAPS})\s*{DASH}\s*"
    rf"|(?(dot)(?P<agency3>{AGENCY_CAPS})\s+(?=[A-Z])))?"
)


def written_as_dateline(match: re.Match[str]) -> bool:
    """Whether a DATELINE_RE match is written as a dateline rather than as an ordinary opening
    phrase ("Vietnam. The country is long."): a place in capitals before a dash, or before a
    full stop with an agency, date or region; a place in title case only with a date or region.
    """
    if match["sep"] is None:
        return bool(match["date"])
    text = match["place"]
    if text.isupper() and sum(c.isalpha() for c in text) >= 2:
        agency = match["agency2"] or match["agency3"]
        return match["sep"] != "." or bool(agency or match["date"] or match["region"])
    return bool(match["region"] or match["date"])


def head_agency_group(match: re.Match[str]) -> str | None:
    """The name of the group holding the agency a dateline names, if it names one."""
    return next((group for group in HEAD_AGENCIES if match[group]), None)


def dateline_agency(text: str) -> str | None:
    """The news agency the dateline at the head of `text` names, as written ("Reuters" in
    "SEOUL, Aug 16 (Reuters) - ...", "KAZINFORM" in "XI'AN. KAZINFORM - ..."), or None.

    Judged by the form alone: a place in title case needs a date or region beside it, so that
    "Apple (AAPL) - Shares rose" names no agency. A byline line before the dateline is
    skipped ("By Jane Smith\nSEOUL, Aug 16 (Reuters) - ...").
    """
    match = DATELINE_RE.match(text, body_head(text))
    if match is None or not written_as_dateline(match):
        return None
    group = head_agency_group(match)
    return match[group] if group else None


def is_dateline_only(line: str) -> bool:
    """Whether a line holds a dateline and nothing else ("BRUSSELS 1996-08-22",
    "WASHINGTON (AP) \u2014"): the head of a report's body, not a headline."""
    text = f"{line.strip()}\n"
    match = DATELINE_RE.match(text)
    return bool(match and written_as_dateline(match) and not text[match.end() :].strip())
