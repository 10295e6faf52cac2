"""Regular expressions that several extraction modules read dates and numbers with, defined
once."""

from __future__ import annotations

import re

# A year as news writes it: 1500 to 2099.
YEAR = r"(1[5-9]\d\d|20\d\d)"
YEAR_RE = re.compile(YEAR)
# A year standing as a word of its own inside a longer text.
YEAR_WORD_RE = re.compile(rf"\b{YEAR}\b")
# A span of years in one token ("2019-20", "1939\u20131945").
YEAR_SPAN_RE = re.compile(rf"{YEAR}[-\u2013](?:\d\d|\d{{4}})")
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?\.?"
DIGIT_RE = re.compile(r"\d")
