"""Recognising an urge to get in touch right now, so it gets the urge helper, not topics.

'i want to text him right now', 'should i answer her', 'i miss him so much i'm going to call'.
Deliberately narrow: an intention (want to, going to, should I, about to...) followed within a
few words by a way of getting in touch. Questions about no-contact itself are left to topics.
"""

from __future__ import annotations

import re

from bot.matching import normalise

_INTENT = (
    r"(?:want(?:ing)? to|wanna|going to|gonna|about to|need to|have to|got to|gotta|"
    r"should i|shall i|can i|could i|may i|do i|tempted to|urge to|itching to|dying to|"
    r"trying not to|so close to|almost|ill|i will|i might|might just|cant stop myself from|"
    r"keep wanting to|im going to|im gonna|im about to)"
)
_ACT = (
    r"(?:text(?:ing)?|txt|call(?:ing)?|ring|phone|message|messag(?:e|ing)|msg|dm|answer|"
    r"reply|respond|write (?:to|back)|email|snap(?:chat)?|whatsapp|facetime|reach out|"
    r"get in touch|contact|see (?:him|her|them)|visit|go back|get back together|"
    r"take (?:him|her|them) back|unblock|pick up|call back|text back|"
    r"check (?:his|her|their) (?:profile|page|insta\w*|facebook|stories|status))"
)
_URGE = re.compile(rf"\b{_INTENT}\s+(?:\w+\s+){{0,2}}?{_ACT}\b")
# The pull said in other ways: wanting the person back, a near-slip, the pull itself.
_PULL = re.compile(
    r"\b(?:want|wanna|need) (?:him|her|them) back\b"
    r"|\b(?:thinking|think|thought) (?:of|about) (?:going|getting) back\b"
    r"|\bthe (?:pull|urge|craving)\b.{0,25}\b(?:strong|bad|unbearable|too much)\b"
    r"|\b(?:almost|nearly) (?:texted|called|messaged|answered|replied|went back)\b"
)
_NOT = re.compile(
    r"\bno[ -]?contact\b|\bhow (?:do|can) (?:i|you) (?:stop|not)\b|\bwhat (?:is|does)\b"
)


def is_urge(text: str) -> bool:
    """An intention to get in touch (or answer) now, in the user's words."""
    raw = " ".join(normalise(text).split())
    if len(raw) > 300 or _NOT.search(raw):
        return False
    return _URGE.search(raw) is not None or _PULL.search(raw) is not None
