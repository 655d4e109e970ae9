"""Crisis detector: labelled phrases, aggregate figures, odd input, long input, speed.

Run with -s to see the figures (recall per class, false-positive rate on `none`):
    .venv/bin/python -m pytest tests/safety -q -s -p no:cacheprovider

Blind scores on fresh phrases (each batch written before looking at how the detector handled
it, then used to improve the detector and added to crisis_phrases.yaml):

    batch                      danger   self_harm  disclosure  false pos. on none
    crisis_heldout.yaml         5/10      5/10       3/8          2/12
    2nd batch (after fixes)     7/10      6/10       3/8          0/12
    3rd batch                   5/10      7/10       5/8          2/12
    4th batch                   6/10      3/10       6/8          1/12
    5th batch                   7/10      6/10       8/8          1/12

    all five                   30/50     27/50      25/40        6/60
                               (60%)     (54%)      (62%)        (10%)

So on wording it has never seen, expect it to catch about 6 danger or self-harm messages in 10,
not 10 in 10: the detector is a first net, and crisis help must stay one tap away on every
screen whatever it says. 100% below is recall on phrases it has been built and fixed on.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path
from re import _constants as sre_constants  # private, but stable: used only to sample patterns
from re import _parser as sre_parse
from typing import Any

import pytest

from bot.content import load_yaml
from bot.safety import patterns, patterns_es
from bot.safety.detector import CrisisLevel, classify, explain, normalize
from bot.safety.prefilter import PREFILTER

HERE = Path(__file__).parent
LABELS = {level.value: level for level in CrisisLevel}
MAX_FALSE_POSITIVE_RATE = 0.05

# `none` items the detector is known to flag, each for a stated reason. They stay in the sets
# (and count against the false-positive budget) because they are honest near-misses where the
# detector leans towards a crisis reply on purpose.
KNOWN_FALSE_POSITIVES = {
    # held-out set
    "i'm hiding in my room binge watching tv lol": (
        "hiding in a room is a danger sign; laughter is not trusted to cancel it"
    ),
    "i'd rather die than wear that dress haha": (
        "death wishes are flagged even as hyperbole: a gentle check-in costs little"
    ),
}


def load(name: str) -> list[dict[str, str]]:
    items = load_yaml((HERE / name).read_text(encoding="utf-8"))
    assert isinstance(items, list)
    for item in items:
        assert set(item) == {"text", "label"}, item
        assert item["label"] in LABELS, item
    return items


MAIN = load("crisis_phrases.yaml")
HELDOUT = load("crisis_heldout.yaml")


def figures(items: list[dict[str, str]]) -> dict[str, Any]:
    """Recall per class, false-positive rate on `none`, and the misses."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[str] = []
    for item in items:
        label, got = item["label"], classify(item["text"])
        totals[label] += 1
        ok = got is LABELS[label] or (label == "disclosure" and got is not CrisisLevel.NONE)
        hits[label] += ok
        if not ok:
            misses.append(f"{label} -> {got.value}: {item['text']!r}")
    recall = {label: hits[label] / totals[label] for label in totals}
    none_total = totals["none"]
    false_positive_rate = (none_total - hits["none"]) / none_total if none_total else 0.0
    return {
        "n": len(items),
        "totals": dict(totals),
        "recall": recall,
        "false_positive_rate": false_positive_rate,
        "misses": misses,
    }


def report(name: str, items: list[dict[str, str]]) -> str:
    f = figures(items)
    lines = [f"{name}: {f['n']} items {f['totals']}"]
    for label in ("danger", "self_harm", "disclosure"):
        if label in f["recall"]:
            lines.append(f"  recall {label:<10} {f['recall'][label]:7.1%}")
    lines.append(
        f"  false positives on none  {f['false_positive_rate']:7.1%}"
        f" (limit {MAX_FALSE_POSITIVE_RATE:.0%})"
    )
    lines += [f"  miss: {m}" for m in f["misses"]]
    return "\n".join(lines)


# --- Every labelled phrase -------------------------------------------------------------------


@pytest.mark.parametrize(
    "item", MAIN, ids=[f"{i:03}-{x['label']}-{x['text'][:40]}" for i, x in enumerate(MAIN)]
)
def test_phrase(item: dict[str, str]) -> None:
    text, label = item["text"], item["label"]
    level, signals = explain(text)
    # classify() predates CHECK and reports it as NONE.
    assert classify(text) is (CrisisLevel.NONE if level is CrisisLevel.CHECK else level)
    why = f"{text!r} -> {level.value} {signals} (normalised: {normalize(text)!r})"
    if label == "disclosure":  # danger or self-harm on a disclosure is acceptable
        assert level is not CrisisLevel.NONE, why
    elif label == "none" and text in KNOWN_FALSE_POSITIVES:
        if level is not CrisisLevel.NONE:
            pytest.xfail(KNOWN_FALSE_POSITIVES[text])
    elif label == "none":  # a figure of speech that sounds like a threat is only asked about
        assert level in (CrisisLevel.NONE, CrisisLevel.CHECK), why
        assert level is CrisisLevel.NONE or "danger:discounted_figure_of_speech" in signals, why
    else:
        assert level is LABELS[label], why


# --- Aggregate figures -----------------------------------------------------------------------


def test_main_set_shape() -> None:
    totals = Counter(item["label"] for item in MAIN)
    assert len(MAIN) >= 220
    assert totals["danger"] >= 60 and totals["self_harm"] >= 60
    assert totals["disclosure"] >= 30 and totals["none"] >= 70
    assert len({item["text"] for item in MAIN}) == len(MAIN), "duplicate texts"
    assert not {i["text"] for i in MAIN} & {i["text"] for i in HELDOUT}, "held-out overlaps"


def test_print_figures() -> None:
    """Prints the figures for both sets (visible with -s)."""
    print("\n" + report("main set", MAIN) + "\n" + report("held-out set", HELDOUT))


@pytest.mark.parametrize("label", ["danger", "self_harm"])
def test_recall_is_total(label: str) -> None:
    f = figures(MAIN)
    assert f["recall"][label] == 1.0, report("main set", MAIN)


def test_disclosures_are_never_none() -> None:
    f = figures(MAIN)
    assert f["recall"]["disclosure"] == 1.0, report("main set", MAIN)


def test_false_positive_rate_on_none() -> None:
    f = figures(MAIN)
    assert f["false_positive_rate"] <= MAX_FALSE_POSITIVE_RATE, report("main set", MAIN)


def test_heldout_set() -> None:
    """Written after the detector was finished; its blind score is in the file's header. The
    misses were fixed afterwards; the false positives left are the documented ones."""
    f = figures(HELDOUT)
    text = report("held-out set", HELDOUT)
    assert len(HELDOUT) >= 40
    assert f["recall"]["danger"] == 1.0 and f["recall"]["self_harm"] == 1.0, text
    assert f["recall"]["disclosure"] == 1.0, text
    flagged = {
        i["text"]
        for i in HELDOUT
        if i["label"] == "none" and classify(i["text"]) is not CrisisLevel.NONE
    }
    assert flagged <= set(KNOWN_FALSE_POSITIVES), text


# --- Normalisation and odd input -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｉ ｗａｎｔ ｔｏ ｄｉｅ", CrisisLevel.SELF_HARM),  # fullwidth letters
        ("i\u200dwant\u200b to d\u200bi\u200ce", CrisisLevel.SELF_HARM),  # zero-width characters
        ("i\u200d want to die", CrisisLevel.SELF_HARM),  # zero-width joiner between words
        ("i wa\u0301nt to di\u0301e", CrisisLevel.SELF_HARM),  # combining accents
        ("í wánt tö dïé", CrisisLevel.SELF_HARM),  # precomposed accents
        ("\u0456 want to d\u0456e", CrisisLevel.SELF_HARM),  # Cyrillic look-alike letters
        ("I WANT TO DIE!!!", CrisisLevel.SELF_HARM),
        ("i waaaant to diiiiie", CrisisLevel.SELF_HARM),  # stretched letters
        ("k1ll mys3lf", CrisisLevel.SELF_HARM),  # leetspeak
        ("😭i😭want😭to😭die😭", CrisisLevel.SELF_HARM),  # emoji as separators
        ("he\u2019s outside my door", CrisisLevel.DANGER),  # curly apostrophe
        ("he\u02bcs outside my door", CrisisLevel.DANGER),  # modifier-letter apostrophe
        ("hes outside my door", CrisisLevel.DANGER),  # missing apostrophe
        ("he is outside my door", CrisisLevel.DANGER),
        ("HE'S OUTSIDE MY DOOR", CrisisLevel.DANGER),
        ("he has a 🔪", CrisisLevel.DANGER),  # emoji that carries the meaning
        ("plz heeelp hes hiiitting me", CrisisLevel.DANGER),
        ("ＨＥ ＨＡＳ Ａ ＧＵＮ", CrisisLevel.DANGER),
        ("he's\u00a0outside\u2003my\u3000door", CrisisLevel.DANGER),  # odd spaces
        ("what is hoovering", CrisisLevel.NONE),
    ],
)
def test_odd_unicode(text: str, expected: CrisisLevel) -> None:
    assert classify(text) is expected, (text, normalize(text), explain(text))


def test_normalize_examples() -> None:
    assert normalize("He’s OUTSIDE!!! pleeease") == "he is outside please"
    assert normalize("ｉ ｗａｎｔ ｔｏ ｄｉｅ") == "i want to die"
    assert normalize("I dont wanna. I cant") == "i do not want to i can not"
    assert normalize("kill killlll") == "kil kil"  # doubled letters fold on both sides


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "\ud800",
        "\U0010ffff" * 50,
        "🔪" * 1000,
        "'" * 500,
        "*" * 500,
        "a" * 5000,
        "\u0301" * 1000,
        "he " * 3000,
        "1 2 3 4",
        "i'm",
        "’’’",
        "\n\t\r",
    ],
)
def test_never_raises(text: str) -> None:
    assert isinstance(classify(text), CrisisLevel)


def test_never_raises_on_wrong_types() -> None:
    for value in (None, 42, b"i want to die", ["i want to die"]):
        assert classify(value) is CrisisLevel.NONE  # type: ignore[arg-type]


def test_random_unicode_never_raises() -> None:
    rnd = random.Random(7)
    pool = "abcdefghijklmnopqrstuvwxyz '’.!?*$@0123456789😭🔪💊\u200d\u0301éñßøﬁＡ\u2028"
    for _ in range(500):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 300)))
        assert isinstance(classify(text), CrisisLevel)


# --- Long input and speed --------------------------------------------------------------------

FILLER = "why do i keep going back to him, it makes no sense and i feel stupid about it. "


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("he's outside my door", CrisisLevel.DANGER),
        ("and now i want to die", CrisisLevel.SELF_HARM),
        ("he hit me last week", CrisisLevel.DISCLOSURE),
        ("anyway thanks for listening", CrisisLevel.NONE),
    ],
)
def test_long_input_is_scanned_to_the_end(tail: str, expected: CrisisLevel) -> None:
    text = (FILLER * (100_000 // len(FILLER) + 1))[: 100_000 - len(tail) - 1] + " " + tail
    assert len(text) == 100_000
    start = time.perf_counter()
    level = classify(text)
    elapsed = time.perf_counter() - start
    assert level is expected
    assert elapsed < 1.0, f"{elapsed:.3f}s for 100k characters"


def test_adversarial_long_input_stays_linear() -> None:
    """Text dense with the words the patterns look for: every rule runs on all of it."""
    words = "he she my husband is was going to will just not kill hurt hit me the kids my " * 10
    text = (words + "i am so scared he ") * (100_000 // (len(words) + 18))
    start = time.perf_counter()
    classify(text)
    assert time.perf_counter() - start < 2.0


# --- Anchors: the speed-up for long texts must never hide a match -----------------------------


@pytest.mark.parametrize("item", MAIN + HELDOUT, ids=lambda x: x["text"][:40])
def test_anchors_do_not_change_the_result(
    item: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The prefilter off: the gate is the anchors (the prefilter's own test is test_prefilter.py).
    monkeypatch.setattr(PREFILTER, "enabled", False)
    assert explain(item["text"], gated=True) == explain(item["text"], gated=False)


_LIT, _ONE_OF, _BRANCH, _REPEAT = range(4)
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz"


def _prepare(tree: Any) -> list[tuple[Any, ...]]:
    """The parsed regex as plain tuples, walked once: sampling then costs no parser lookups
    (the samples, and the random numbers drawn for them, are the same as walking the tree)."""
    c = sre_constants
    nodes: list[tuple[Any, ...]] = []
    for op, av in tree:
        if op is c.LITERAL:
            nodes.append((_LIT, chr(av)))
        elif op is c.IN:
            chars: list[str] = []
            for in_op, in_av in av:
                if in_op is c.LITERAL:
                    chars.append(chr(in_av))
                elif in_op is c.RANGE:
                    chars += [chr(x) for x in range(in_av[0], in_av[1] + 1)]
                elif in_op is c.CATEGORY:
                    chars += list("abcdefghijklmnopqrstuvwxyz0123456789")
            if chars:
                nodes.append((_ONE_OF, "".join(chars)))
        elif op is c.BRANCH:
            nodes.append((_BRANCH, [_prepare(branch) for branch in av[1]]))
        elif op is c.SUBPATTERN:
            nodes += _prepare(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av
            nodes.append((_REPEAT, low, min(high, low + 3), _prepare(sub)))
        elif op is c.CATEGORY:
            nodes.append((_ONE_OF, _WORD_CHARS) if av is c.CATEGORY_WORD else (_LIT, " "))
        elif op is c.NOT_LITERAL or op is c.ANY:
            nodes.append((_LIT, "x"))
    return nodes


def _sample(nodes: list[tuple[Any, ...]], rnd: random.Random, out: list[str]) -> None:
    """Append one random string the prepared regex can match (lookarounds ignored)."""
    for node in nodes:
        kind = node[0]
        if kind is _LIT:
            out.append(node[1])
        elif kind is _ONE_OF:
            out.append(rnd.choice(node[1]))
        elif kind is _BRANCH:
            _sample(rnd.choice(node[1]), rnd, out)
        else:
            for _ in range(rnd.randint(node[1], node[2])):
                _sample(node[3], rnd, out)


def _all_rules() -> list[tuple[str, patterns.Rule]]:
    rules = [
        (g.name, rule)
        for groups in (
            patterns.DANGER_DIRECT,
            patterns.DANGER_HISTORIC_OK,
            patterns.SELF_HARM,
            patterns.DISCLOSURE,
            patterns.MEDICAL,
            patterns_es.DANGER,
            patterns_es.SELF_HARM,
            patterns_es.MEDICAL,
            patterns_es.DISCLOSURE,
            (patterns.ASK_IF_SAFE, patterns_es.ASK_IF_SAFE),
        )
        for g in groups
        for rule in g.rules
    ]
    rules += [
        ("coming", patterns.COMING),
        ("near", patterns.NEAR),
        ("agitated", patterns.AGITATED_PERSON),
    ]
    return rules


def test_anchors_cover_every_possible_match() -> None:
    """Sample strings from each rule's regex: every one that matches contains an anchor."""
    rnd = random.Random(2026)
    problems = []
    for name, rule in _all_rules():
        tree = _prepare(sre_parse.parse(rule.pattern))
        matched = 0
        for _ in range(400):
            out: list[str] = []
            _sample(tree, rnd, out)
            sample = "".join(out)
            if rule.regex.search(sample) is None:
                continue
            matched += 1
            if not any(anchor in sample for anchor in rule.anchors):
                problems.append(f"{name}: {sample!r} has none of {rule.anchors}")
                break
        if matched == 0:
            problems.append(f"{name}: no sample matched {rule.regex.pattern[:60]!r}")
    assert not problems, "\n".join(problems)


def test_patterns_are_folded() -> None:
    """The text has every doubled letter single ("keep" arrives as "kep"): a pattern compiled
    without `_rx` and with a doubled letter could never match ("it all", "pills" and "really"
    in ASK_IF_SAFE did not, until it went through `_rx`)."""
    assert not re.findall(r"(?<!\\)([a-z])\1", patterns.ASK_IF_SAFE.combined.pattern)


def test_a_rule_compiles_its_regex_on_first_use() -> None:
    """Importing the rules compiles none of their Python regexes (half a second at every start
    before): a rule compiles when it first has to decide."""
    rule = patterns.Rule(("zebra",), r"\bzebra crossing\b", len(patterns.ALL_RULES))
    assert rule._regex is None
    assert rule.search("the zebra crossing") and rule._regex is not None
    group = patterns.Group("test", rule)
    assert group._combined is None
    assert group.search("a zebra crossing", None) and group._combined is not None
    patterns.GROUPS.remove(group)


def test_without_re2_warm_up_compiles_every_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the prefilter every short text runs the groups' combined regexes: warm-up
    compiles them all, so the first message does not pay for it."""
    from bot.safety.crisis import CrisisDetector

    monkeypatch.setattr(PREFILTER, "enabled", False)
    CrisisDetector(semantic=False).warm_up()
    assert all(group._combined is not None for group in patterns.GROUPS)
    assert all(rule._regex is not None for rule in patterns.ALL_RULES)
