"""Everyday words that are not questions: greetings, thanks, "ok", "menu", "help", "?", and
distress shown as emoji. Each gets a fitting short reply instead of a guessed topic."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class SmallTalk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    OK = "ok"
    MENU = "menu"
    HELP = "help"
    DISTRESS = "distress"


_WORDS = {
    SmallTalk.GREETING: (
        "hi",
        "hey",
        "hello",
        "hiya",
        "heya",
        "yo",
        "good morning",
        "good evening",
        "good afternoon",
        "good night",
        "morning",
        "evening",
        "hola",
        "sup",
        "hi there",
        "hello there",
        "hey there",
        "hii",
        "hiii",
        "helo",
    ),
    SmallTalk.THANKS: (
        "thanks",
        "thank you",
        "thx",
        "ty",
        "thank u",
        "thanks a lot",
        "thank you so much",
        "thanks so much",
        "cheers",
        "tysm",
        "thankyou",
        "gracias",
        "much appreciated",
        "that helped",
        "this helped",
        "that helps",
        "helpful",
    ),
    SmallTalk.OK: (
        "ok",
        "okay",
        "k",
        "kk",
        "okk",
        "alright",
        "all right",
        "sure",
        "fine",
        "got it",
        "i see",
        "yes",
        "yeah",
        "yep",
        "no",
        "nope",
        "hmm",
        "hm",
        "mhm",
        "cool",
        "right",
        "understood",
        "ok thanks",
        "okay thanks",
        "ok thank you",
    ),
    SmallTalk.MENU: ("menu", "main menu", "start", "home", "back", "options", "commands"),
    SmallTalk.HELP: ("help", "help me", "?", "??", "???", "what can you do", "how does this work"),
}
_LOOKUP = {phrase: kind for kind, phrases in _WORDS.items() for phrase in phrases}
# Emoji people send when they are hurting; the reply is a gentle "I'm here" with Help now.
DISTRESS_EMOJI = frozenset("😭😢😞😔😟😥😰😨😱💔🥺😣😖😫😩😿🫠🫥")
_TRAILING = re.compile(r"[\s.!?,~]+$")


def classify_small_talk(text: str) -> SmallTalk | None:
    """The kind of small talk, or None for anything that may be a real question."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw or len(raw) > 40:
        return None
    symbols = [c for c in raw if not c.isspace() and unicodedata.category(c) != "Mn"]
    if symbols and all(c in DISTRESS_EMOJI or c in "\u200d\ufe0f" for c in symbols):
        return SmallTalk.DISTRESS
    if set(raw) <= {"?"}:
        return SmallTalk.HELP
    key = _TRAILING.sub("", raw.casefold())
    key = " ".join(re.sub(r"[^\w\s']", " ", key).split())
    return _LOOKUP.get(key)
