"""A country typed by name ("germany", "UK", "España") to its ISO code, with pycountry's data."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import pycountry

# Names people type that ISO's lists don't hold as such.
ALIASES = {
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "south korea": "KR",
    "north korea": "KP",
    "russia": "RU",
    "deutschland": "DE",
    "espana": "ES",
    "mexique": "MX",
    "holland": "NL",
    "czechia": "CZ",
    "turkey": "TR",
    "ivory coast": "CI",
    "aotearoa": "NZ",
}


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if c.isalpha() or c == " ")
    return " ".join(letters.split())


@lru_cache(maxsize=512)
def resolve_country(text: str) -> tuple[str, str] | None:
    """(ISO code, English name) for a typed country, or None."""
    key = _key(text)
    # Two letters are a code only when typed as one ("DE", "UK"): "no" or "me" are words.
    if len(key) < 2 or (len(key) == 2 and not text.strip().isupper()):
        return None
    code = ALIASES.get(key)
    try:
        found: Any = pycountry.countries.lookup(code or key)
    except LookupError:
        found = _by_squashed_name().get(key.replace(" ", ""))
        if found is None:
            return None
    name = getattr(found, "common_name", None) or found.name
    return found.alpha_2, name


@lru_cache(maxsize=1)
def _by_squashed_name() -> dict[str, Any]:
    """Names without spaces or accents ("vietnam" for "Viet Nam")."""
    index: dict[str, Any] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", "")):
            if name:
                index[_key(name).replace(" ", "")] = country
    return index
