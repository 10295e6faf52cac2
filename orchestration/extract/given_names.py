"""Common given names: the first word of a personal name written in full ("Sean Hannity").

From the US Census Bureau's 1990 frequency lists of first names, as the `names` package ships
them (public-domain data, MIT-licensed package). Only the `MAX_RANK` most frequent of each
sex count, and none that also names a country, a US state, a large city or a month
("Georgia", "Austin", "May"), so a name such as "Georgia Power" is not read as a person's.
"""

from __future__ import annotations

import calendar
import functools
from importlib import resources

from orchestration.extract.geo import gazetteer

# How many of the most frequent male and female first names count as given names.
MAX_RANK = 500
CENSUS_LISTS = ("dist.male.first", "dist.female.first")
MONTHS = frozenset(calendar.month_name[1:])


@functools.cache
def given_names() -> frozenset[str]:
    """The given names, title-cased ("Sean"); read once per process."""
    found = set()
    for listing in CENSUS_LISTS:
        for line in (resources.files("names") / listing).read_text().splitlines():
            name, _frequency, _cumulative, rank = line.split()
            if int(rank) <= MAX_RANK:
                found.add(name.title())
    places = gazetteer()
    return frozenset(n for n in found if n not in MONTHS and not places.is_major_place(n))
