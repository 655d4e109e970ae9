"""The RE2 prefilter only skips rules that cannot match: results equal the plain path."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bot.content import load_yaml
from bot.safety import patterns
from bot.safety.detector import GATE_FROM_CHARS, explain, normalize
from bot.safety.prefilter import PREFILTER, Prefilter, without_lookarounds

HERE = Path(__file__).parent
SETS = (
    "crisis_phrases.yaml",
    "crisis_phrases_extra.yaml",
    "crisis_phrases_es.yaml",
    "crisis_heldout.yaml",
    "crisis_used_round13.yaml",
)


def _texts() -> list[str]:
    out: list[str] = []
    for name in SETS:
        items = load_yaml((HERE / name).read_text("utf-8"))
        out += [item["text"] for item in items]
    return out


TEXTS = _texts()


def test_every_rule_has_a_screen() -> None:
    """A rule RE2 refused would run on every long text its anchors allow: none does today."""
    PREFILTER.warm()
    assert PREFILTER.enabled
    assert PREFILTER.refused == 0


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"he is (?!mowing)outside", r"he is outside"),
        (r"(?<!not )kil(?:l)? me(?= now| (?:today|tonight))\b", r"kil(?:l)? me\b"),
        (r"a(?![)(\]])b[(?=]c\(?=d", r"ab[(?=]c\(?=d"),
        (r"(?<=x)(?<!y(?:z))w", r"w"),
        (r"x(?=a(b|[)(]c)(?!d))y\)", r"xy\)"),  # nested groups, a class holding brackets
    ],
)
def test_lookarounds_are_removed_and_nothing_else(source: str, expected: str) -> None:
    assert without_lookarounds(source) == expected


def test_an_unbalanced_lookaround_is_refused() -> None:
    with pytest.raises(ValueError, match="unbalanced"):
        without_lookarounds(r"a(?=b(c)")


def test_without_lookarounds_matches_a_superset() -> None:
    # Only texts holding one of a rule's anchors can match it (test_detector.py checks the
    # anchors), so only those are searched: more texts in less time.
    normalised = [patterns.Gate(normalize(text)) for text in TEXTS[:600]]
    for rule in patterns.ALL_RULES:
        loose = re.compile(without_lookarounds(rule.pattern))
        for gate in normalised:
            if gate.allows(rule) and rule.regex.search(gate.text):
                assert loose.search(gate.text), (rule.pattern[:80], gate.text)


def test_the_prefilter_does_not_change_the_result() -> None:
    # (Labelled short texts through the long texts' path; test_detector.py does the same with
    # the anchors as the gate.)
    for text in TEXTS:
        assert explain(text, gated=True) == explain(text, gated=False), text


def test_long_messages_agree_with_the_plain_path() -> None:
    """Long texts (the path the prefilter serves) built from labelled phrases of every kind."""
    rnd = random.Random(7)
    for _ in range(30):
        parts: list[str] = []
        while sum(map(len, parts)) < rnd.randint(GATE_FROM_CHARS, 4096):
            parts.append(rnd.choice(TEXTS))
        text = ". ".join(parts)
        assert explain(text) == explain(text, gated=False)


def test_a_text_that_is_not_ascii_uses_the_anchors() -> None:
    assert PREFILTER.gate("il est dehors avec un couteau, j'ai peur ∞").find is None


def test_a_failed_anchor_scan_falls_back_to_the_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    prefilter = Prefilter()
    prefilter.warm()

    class Failing:
        def Match(self, text: bytes) -> None:
            return None  # what RE2's Set answers when its DFA runs out of memory

    monkeypatch.setattr(prefilter, "_anchors", Failing())
    text = normalize("he is outside my door with a knife, i am so scared " * 40)
    gate = prefilter.gate(text)
    matching = [r for r in patterns.ALL_RULES if r.regex.search(text)]
    assert matching and all(gate.allows(rule) for rule in matching)
    calm = [r for r in patterns.ALL_RULES if not any(a in text for a in r.anchors)]
    assert calm and not any(gate.allows(rule) for rule in calm)


class CountingRegex:
    """A rule's regex that counts how it is called."""

    def __init__(self, source: str) -> None:
        self.real = re.compile(source)
        self.pattern = source
        self.calls: list[str] = []

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.calls.append("search")
        return self.real.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.calls.append(f"match@{pos}")
        return self.real.match(text, pos)


def _spy(anchors: tuple[str, ...], source: str) -> tuple[Prefilter, patterns.Rule, CountingRegex]:
    rules = list(patterns.ALL_RULES)
    regex = CountingRegex(source)
    rule = patterns.Rule(anchors, regex, len(rules))  # type: ignore[arg-type]
    rules.append(rule)
    return Prefilter(rules), rule, regex


def test_a_rule_whose_anchor_occurs_but_screen_finds_nothing_never_runs_in_python() -> None:
    prefilter, rule, regex = _spy(("knife",), r"\b(?:has|with) a knife(?! block)\b")
    calm = "the knife block on the counter is from my gran " * 30
    assert patterns.Gate(calm).allows(rule)  # the anchor alone would let it run
    assert not prefilter.gate(calm).matches(rule)
    assert regex.calls == []


def test_python_runs_anchored_where_the_screen_can_start() -> None:
    prefilter, rule, regex = _spy(("knife",), r"\b(?:has|with) a knife(?! block)\b")
    text = "i bought it with a knife block. " * 20 + "and now he is here with a knife"
    assert prefilter.gate(text).matches(rule)
    # Twenty near-matches (the lookahead refuses them), then one match: eight anchored tries,
    # then one search of the rest.
    assert regex.calls[:8] == [f"match@{text.index('with a knife') + 32 * i}" for i in range(8)]
    assert regex.calls[8:] == ["search"]
    text = "nothing here " * 30 + "she came in with a knife"
    regex.calls.clear()
    assert prefilter.gate(text).matches(rule)
    assert regex.calls == [f"match@{text.index('with a knife')}"]


def test_a_rule_without_a_screen_still_runs() -> None:
    rules = list(patterns.ALL_RULES)
    prefilter = Prefilter(rules)
    prefilter.warm()
    # A backreference: Python's re has it, RE2 does not.
    extra = patterns.Rule(("zebra",), re.compile(r"\bzebra (\w+) \1\b"), len(rules))
    rules.append(extra)
    assert prefilter.refused == 1
    text = "we met at the zebra crossing crossing " * 50
    assert prefilter.gate(text).allows(extra) and extra.search(text, prefilter.gate(text))
