"""'I want to text him': a few patterns for the moment the pull to reach out is strong.

Not crisis detection (that runs first, in bot/safety/): a match only offers the person their
own journal entries (bot/handlers/journal.py). Kept small and precise; a miss costs little.
"""

from __future__ import annotations

import re

_PERSON = (
    r"(?:him|her|them|he|she|they|my (?:ex|partner|husband|wife|boyfriend|girlfriend|bf|gf|"
    r"abuser|mum|mom|dad|father|mother|boss)|the ex|ex)"
)
_REACH = (
    r"(?:text|txt|call|ring|phone|message|msg|dm|email|write to|reply to|answer|respond to|"
    r"contact|reach out to|see|meet|visit|unblock|go back to|get back with|get back together "
    r"with|check on|look at|check)"
)
_WANT = (
    r"(?:want to|wanna|need to|have to|gotta|going to|gonna|about to|tempted to|dying to|"
    r"itching to|so close to|can'?t stop myself from|urge to|longing to|desperate to)"
)
PATTERNS = [
    re.compile(rf"\b(?:i|i'm|im|i am)\b.{{0,20}}\b{_WANT} {_REACH} {_PERSON}\b"),
    re.compile(rf"\b(?:should|can|could|shall) i (?:just )?{_REACH} {_PERSON}\b"),
    re.compile(rf"\b(?:want|wanna|need) {_PERSON} back\b"),
    re.compile(r"\b(?:thinking|think|thought) (?:of|about) (?:going|getting) back\b"),
    re.compile(r"\b(?:i want|i wanna|i'm going|im going|i might|maybe i should) (?:to )?go back\b"),
    re.compile(r"\bthe (?:pull|urge|craving)\b.{0,25}\b(?:strong|bad|unbearable|too much)\b"),
    re.compile(r"\b(?:so|really) (?:tempted|close) to (?:text|call|message|reach out|go back)\b"),
    re.compile(rf"\bi (?:almost|nearly) (?:texted|called|messaged|answered) {_PERSON}\b"),
]


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    return re.sub(r"\s+", " ", text)


def is_urge(text: str) -> bool:
    """Whether the text says the pull to contact (or go back to) the other person is strong."""
    if not text or len(text) > 500:
        return False
    plain = normalise(text)
    return any(p.search(plain) for p in PATTERNS)
