"""A fast first look at a long message: which crisis rules could match it at all.

Python's `re` is the rules' engine (lookarounds keep figures of speech out), but over a 4,096-
character message it is slow: ~400 rules, ~90 µs each. Two RE2 (google-re2) steps, each a
linear pass, decide which rules need it:
1. the anchors: one RE2 `Set` of every rule's anchors (~1,800 literal substrings) finds those
   present in one pass (~40 µs); a rule none of whose anchors occurs cannot match.
2. the screen: each remaining rule's pattern with the lookarounds removed, compiled by RE2
   (~10 µs for the same text). Removing a zero-width condition only lets more texts match, so
   when the screen finds nothing the rule cannot match either.
Only then does the rule's Python regex decide, anchored at the places where the screen can
start a match (`_confirmed`). The result is exactly the rules' result
(tests/safety/test_prefilter.py compares the paths).

Where RE2 cannot answer, the rule runs as before: the anchors checked with `in`, a pattern
RE2 refuses run in `re`, RE2 not installed, a scan that failed (an always-matching sentinel
missing from the answer), or a text that is not ASCII (RE2's `\\b` and `\\w` are ASCII-only,
Python's are Unicode; normalised text is ASCII, so this is a guard).

(One RE2 `Set` of all rules was tried first: its combined DFA met new states on every new
message and was slower than Python. A screen per rule keeps each DFA small.)
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any, Final

from bot.safety import patterns as p

try:
    import re2
except ImportError:  # pragma: no cover - a platform without its wheel runs every rule in `re`
    re2 = None

log = logging.getLogger(__name__)

# The anchors' DFA: literal strings, so its states stay few (one per prefix, in effect).
ANCHOR_MEMORY: Final = 32 << 20
# Starts of a screen's matches tried one by one before the Python regex searches the rest.
MAX_STARTS: Final = 8
# Each screen's DFA cache. If a text ever needs more, RE2 falls back to its slower exact
# engines for that search (never a wrong answer).
SCREEN_MEMORY: Final = 1 << 20
_LOOKAROUNDS: Final = ("(?=", "(?!", "(?<=", "(?<!")


# An escape pair, a lookaround's opening, a bracket or parenthesis, or a run of anything else.
_TOKENS: Final = re.compile(r"\\.|\(\?<?[=!]|[\[\]()]|[^\\\[\]()]+", re.DOTALL)


def without_lookarounds(source: str) -> str:
    """The pattern with every lookahead and lookbehind removed (it then matches a superset).

    One pass over tokens: a character class keeps everything in it literal up to its "]", and
    a lookaround is dropped with every group nested inside it."""
    out: list[str] = []
    in_class = False
    dropping = 0  # depth of parentheses inside a lookaround being removed
    for token in _TOKENS.findall(source):
        if in_class:
            in_class = token != "]"
        elif token == "[":
            in_class = True
        elif token in _LOOKAROUNDS or (token == "(" and dropping):
            dropping += 1
            continue
        elif token == ")" and dropping:
            dropping -= 1
            continue
        if not dropping:
            out.append(token)
    if dropping or in_class:
        raise ValueError(f"unbalanced group or class in {source!r}")
    return "".join(out)


class Prefilter:
    """RE2 anchors and screens for every rule in patterns.ALL_RULES, compiled on first use (or
    `warm`)."""

    def __init__(self, rules: list[p.Rule] = p.ALL_RULES) -> None:
        self._rules = rules
        self._lock = threading.Lock()
        self._screens: list[Any] = []  # by rule index; None where RE2 refused the pattern
        self._anchors: Any = None  # RE2 Set: position 0 the sentinel, then ANCHOR order
        self._rules_by_anchor: list[tuple[int, ...]] = [()]
        self._unanchored: frozenset[int] = frozenset()  # rules with no anchor: always screened
        self.enabled = re2 is not None

    def gate(self, text: str) -> p.Gate:
        """The gate for one normalised text: how to find out whether a rule matches it."""
        if not self.enabled or not text.isascii():
            return p.Gate(text)
        screens = self._compiled()
        data = text.encode("ascii")
        found = self._anchors.Match(data)
        anchored: frozenset[int] | None = None
        if found and 0 in found:  # the sentinel: a scan that did not fail
            by_anchor = self._rules_by_anchor
            anchored = self._unanchored.union(*(by_anchor[i] for i in found))
        gate = p.Gate(text)

        def find(rule: p.Rule) -> bool:
            if not (gate.allows(rule) if anchored is None else rule.index in anchored):
                return False
            screen = screens[rule.index]
            if screen is None:
                return rule.regex.search(text) is not None
            return _confirmed(rule.regex, screen, text, data)

        gate.find = find
        gate.candidates = anchored
        return gate

    def warm(self) -> None:
        """Compile everything now rather than on the first long message."""
        if self.enabled:
            self._compiled()

    @property
    def refused(self) -> int:
        """How many rules have no screen (they run on every long text their anchors allow)."""
        return sum(screen is None for screen in self._compiled()) if self.enabled else 0

    def _compiled(self) -> list[Any]:
        if len(self._screens) == len(self._rules):
            return self._screens
        with self._lock:
            if len(self._screens) != len(self._rules):
                rules = list(self._rules)
                self._compile_anchors(rules)
                self._screens = [*self._screens, *map(_screen, rules[len(self._screens) :])]
        return self._screens

    def _compile_anchors(self, rules: list[p.Rule]) -> None:
        options = re2.Options()
        options.max_mem = ANCHOR_MEMORY
        options.log_errors = False
        anchors = sorted({a for rule in rules for a in rule.anchors})
        position = {anchor: i + 1 for i, anchor in enumerate(anchors)}
        compiled = re2.Set.SearchSet(options)
        for pattern in ("", *map(re2.escape, anchors)):  # "" is the sentinel
            compiled.Add(pattern)
        compiled.Compile()
        by_anchor: list[list[int]] = [[] for _ in range(len(anchors) + 1)]
        for rule in rules:
            for anchor in rule.anchors:
                by_anchor[position[anchor]].append(rule.index)
        self._rules_by_anchor = [tuple(r) for r in by_anchor]
        self._unanchored = frozenset(rule.index for rule in rules if not rule.anchors)
        self._anchors = compiled


def _confirmed(regex: re.Pattern[str], screen: Any, text: str, data: bytes) -> bool:
    """Does `regex` match `text`? It can only match where its screen can start a match, so
    the Python regex runs anchored at those starts (a few microseconds each) instead of
    searching the whole text (~90 µs for 4,096 characters). RE2's search from `pos` returns the
    leftmost start at or after it, so stepping one past each start visits every one."""
    pos = 0
    for _ in range(MAX_STARTS):
        hit = screen.search(data, pos)
        if hit is None:
            return False
        start = hit.start()
        if regex.match(text, start):  # lookbehinds and \b still see the text before `start`
            return True
        pos = start + 1
    return regex.search(text, pos) is not None  # many near-matches: search the rest at once


def _screen(rule: p.Rule) -> Any:
    options = re2.Options()
    options.max_mem = SCREEN_MEMORY
    options.log_errors = False
    try:
        return re2.compile(without_lookarounds(rule.pattern), options)
    except (re2.error, ValueError):
        log.warning("crisis rule %d has no RE2 screen: it runs on every long text", rule.index)
        return None


PREFILTER: Final = Prefilter()
