"""Resolving what people type ('london', 'new york', 'UTC+2', 'Asia/Kolkata') to a zone name.

We never ask for location; a typed city, region or offset is enough.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from zoneinfo import available_timezones

# Places people type that are not the city in an IANA name.
ALIASES: dict[str, str] = {
    "uk": "Europe/London",
    "england": "Europe/London",
    "britain": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "manchester": "Europe/London",
    "birmingham": "Europe/London",
    "edinburgh": "Europe/London",
    "glasgow": "Europe/London",
    "leeds": "Europe/London",
    "cardiff": "Europe/London",
    "liverpool": "Europe/London",
    "bristol": "Europe/London",
    "ireland": "Europe/Dublin",
    "cork": "Europe/Dublin",
    "galway": "Europe/Dublin",
    "eastern": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "boston": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "washington": "America/New_York",
    "philadelphia": "America/New_York",
    "nyc": "America/New_York",
    "central": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "houston": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "mountain": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "arizona": "America/Phoenix",
    "pacific": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "ottawa": "America/Toronto",
    "montreal": "America/Toronto",
    "calgary": "America/Edmonton",
    "australia": "Australia/Sydney",
    "canberra": "Australia/Sydney",
    "aest": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
    "nz": "Pacific/Auckland",
    "wellington": "Pacific/Auckland",
    "christchurch": "Pacific/Auckland",
    "india": "Asia/Kolkata",
    "ist": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "cet": "Europe/Paris",
    "utc": "UTC",
    "z": "UTC",
    "zulu": "UTC",
}

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[_/,.]+", " ", folded.casefold()).split())


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(("Etc/", "SystemV/", "US/", "posix", "right")) or "/" not in name:
            continue
        index.setdefault(_key(name), name)
        index.setdefault(_key(name.rsplit("/", 1)[1]), name)
    for name in available_timezones():
        index.setdefault(_key(name), name)
    index.update({_key(alias): zone for alias, zone in ALIASES.items()})
    return index


def resolve_zone(text: str) -> str | None:
    """A zone name for what was typed, or None if we can't tell."""
    raw = text.strip()
    if not raw or len(raw) > 64:
        return None
    offset = _OFFSET.match(raw.casefold().replace(" ", ""))
    if offset:
        hours, minutes = int(offset[2]), int(offset[3] or 0)
        if hours > 14 or minutes not in {0, 15, 30, 45}:
            return None
        if hours == minutes == 0:
            return "UTC"
        return f"UTC{offset[1]}{hours:02d}:{minutes:02d}"
    return _index().get(_key(raw))
