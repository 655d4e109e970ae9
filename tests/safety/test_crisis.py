"""CrisisDetector: semantic layer (offline), CHECK, context, medical flag, lethality, Spanish,
languages, privacy. The labelled figures here are non-blind (see bench/accuracy.py)."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.content import load_yaml
from bot.safety import crisis as crisis_module
from bot.safety.crisis import MAX_AGE, CrisisDetector, RecentMessages
from bot.safety.detector import CrisisLevel, classify, explain, rules
from bot.safety.language import LanguageIdentifier, identify
from bot.safety.semantic import CLASSES, HIDDEN, SemanticModel, window_means

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
FULL = (CrisisLevel.DANGER, CrisisLevel.SELF_HARM)


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    d = CrisisDetector()
    d.warm_up(language=True)
    assert d.semantic_loaded
    return d


def rules_only() -> CrisisDetector:
    """A detector without the semantic layer: context tests that depend on rules alone."""
    return CrisisDetector(semantic=False)


def load(name: str) -> list[dict[str, Any]]:
    items = load_yaml((HERE / name).read_text(encoding="utf-8"))
    assert isinstance(items, list)
    return items


# --- The semantic layer loads from the installed wheel, offline -------------------------------

OFFLINE_PROGRAM = """
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network used")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from bot.safety.crisis import CrisisDetector
d = CrisisDetector()
d.warm_up(language=True)
a = d.assess("i keep staring at the bottle on my nightstand", chat_id=1)
b = d.assess("je ne sais plus quoi faire avec mon mari et mes enfants", chat_id=2)
print(json.dumps({
    "semantic": d.semantic_loaded,
    "level": a.level.value,
    "language": b.language,
    "wordllama_imported": "wordllama" in sys.modules,
    "hub_imported": "huggingface_hub" in sys.modules,
}))
"""


def test_semantic_layer_loads_without_network() -> None:
    """A fresh interpreter whose sockets all fail: weights, tokenizer, classifier and language
    model load from the installed packages, and nothing imports wordllama or the hub client."""
    env = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_PROGRAM],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {
        "semantic": True,
        "level": "check",
        "language": "fr",
        "wordllama_imported": False,
        "hub_imported": False,
    }


def test_classifier_file_fits_the_embedder(detector: CrisisDetector) -> None:
    model = detector._semantic()
    assert model is not None
    w1, b1, w2, b2 = model.params
    assert w1.shape == (model.embedder.dim, HIDDEN) == (256, HIDDEN)
    assert b1.shape == (HIDDEN,) and w2.shape == (HIDDEN, len(CLASSES)) and b2.shape == (4,)
    assert 0.3 <= model.threshold < 1.0
    assert 0.3 <= model.threshold_es < 1.0
    score = model.score("he is going to kill me tonight, he has a knife")
    assert abs(sum(score.probabilities.values()) - 1.0) < 1e-6
    assert score.flagged and score.closest == "danger"


def test_long_text_is_scored_in_windows(detector: CrisisDetector) -> None:
    """A crisis sentence at the end of a long calm text is not averaged away."""
    model = detector._semantic()
    assert model is not None
    calm = "we talked about the weather and the garden and what to cook for dinner. " * 40
    assert not model.score(calm).flagged
    assert model.score(calm + " i keep staring at the bottle on my nightstand").flagged
    vectors = np.ones((200, 4), np.float32)
    means = window_means(vectors)
    assert means.shape[0] > 1
    assert np.allclose(np.linalg.norm(means, axis=1), 1.0)


def _fresh_model_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Detectors share one loaded model per process; these tests watch a load happen."""
    import functools

    from bot.safety import crisis

    monkeypatch.setattr(crisis, "_shared_model", functools.cache(SemanticModel.load))


def test_model_loads_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = SemanticModel.load

    def counting(*args: Any, **kwargs: Any) -> SemanticModel:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(SemanticModel, "load", counting)
    _fresh_model_cache(monkeypatch)
    d = CrisisDetector()
    assert not d.semantic_loaded  # construction is cheap: nothing loaded yet
    threads = [threading.Thread(target=d.assess, args=("i feel so alone",)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]
    assert d.semantic_loaded


def test_rules_still_run_if_the_model_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> SemanticModel:
        raise FileNotFoundError("no weights")

    monkeypatch.setattr(SemanticModel, "load", broken)
    _fresh_model_cache(monkeypatch)
    d = CrisisDetector()
    assert d.assess("he has a knife").level is CrisisLevel.DANGER
    assert d.assess("i keep staring at the bottle on my nightstand").level is CrisisLevel.NONE
    assert not d.semantic_loaded


# --- CHECK --------------------------------------------------------------------------------------

# Written for this test, not in any labelled set; the rules see nothing in them.
UNSEEN_CHECK = [
    "i keep staring at the bottle on my nightstand",
    "this will be the last time you hear from me",
    "i want to go to sleep and stay asleep",
    "he keeps saying this is the last night i'll ever see",
]


@pytest.mark.parametrize("text", UNSEEN_CHECK)
def test_semantic_layer_gives_check(detector: CrisisDetector, text: str) -> None:
    assert rules(text).level is CrisisLevel.NONE
    assert detector.assess(text).level is CrisisLevel.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "this exam is killing me",
        "what is trauma bonding",
        "i'm so tired after work",
        "thanks",
        "ok",
        "i am so hungry i could die",
        "the ending of that show killed me",
    ],
)
def test_near_misses_get_no_crisis(detector: CrisisDetector, text: str) -> None:
    assert detector.assess(text).level is CrisisLevel.NONE


def test_threat_like_figure_of_speech_is_only_checked(detector: CrisisDetector) -> None:
    for text in ("my boss will kill me if im late", "mi jefe me va a matar si llego tarde"):
        assert detector.assess(text).level is CrisisLevel.CHECK
        assert classify(text) is CrisisLevel.NONE  # callers that predate CHECK
    # Reported as said, it stays a threat.
    assert detector.assess("my dad said he will kill me").level is CrisisLevel.DANGER


def test_classify_never_returns_check() -> None:
    texts = [i["text"] for i in load("crisis_phrases_extra.yaml") + load("crisis_phrases_es.yaml")]
    assert all(classify(t) is not CrisisLevel.CHECK for t in texts)
    assert any(rules(t).level is CrisisLevel.CHECK for t in texts)


# --- Medical ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i took a bunch of pills",
        "i swallowed all my meds",
        "took the whole bottle of tylenol an hour ago",
        "i just drank bleach",
        "i think i overdosed",
        "me tome todas las pastillas",
        "tome cloro hace rato",
    ],
)
def test_overdose_taken_is_medical_self_harm(detector: CrisisDetector, text: str) -> None:
    a = detector.assess(text)
    assert a.level is CrisisLevel.SELF_HARM
    assert a.medical


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i want to take all my pills", CrisisLevel.SELF_HARM),  # intent, nothing taken yet
        ("i'm stockpiling my meds", CrisisLevel.SELF_HARM),
        ("i took my meds this morning like the doctor said", CrisisLevel.NONE),
        ("i took two advil for my headache", CrisisLevel.NONE),
        ("me tome mis pastillas de la presion", CrisisLevel.NONE),
    ],
)
def test_not_medical(detector: CrisisDetector, text: str, level: CrisisLevel) -> None:
    a = detector.assess(text)
    assert a.level is level
    assert not a.medical


# --- Lethality signs are danger -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he choked me",
        "he choked me once last year",
        "my ex used to choke me during arguments",
        "he strangled me until i passed out",
        "he grabbed me by the throat",
        "he put a pillow over my face",
        "he showed me his gun",
        "he keeps a gun in the drawer and reminds me",
        "he mentioned his knife again",
        "he threatened to kill me last week",
        "he said he'll kill me if i leave",
        "he said wait until tonight",
        "you wait until i get home",
        "he told me when he gets home i'm dead",
        "he locked me in the room yesterday",
        "he locks me in the basement when he goes to work",
    ],
)
def test_lethality_is_danger(text: str) -> None:
    level, signals = explain(text)
    assert level is CrisisLevel.DANGER, signals


@pytest.mark.parametrize(
    "text",
    [
        "my dad used to choke me when i was little",
        "my father threatened to kill us when i was a kid",
    ],
)
def test_childhood_lethality_is_a_disclosure(text: str) -> None:
    assert classify(text) is CrisisLevel.DISCLOSURE


@pytest.mark.parametrize(
    "text",
    ["that song choked me up", "i choked on my water", "i'm trapped in this boring meeting"],
)
def test_lethality_words_in_ordinary_sentences(text: str) -> None:
    assert classify(text) is CrisisLevel.NONE


# --- Spanish ------------------------------------------------------------------------------------

SPANISH = load("crisis_phrases_es.yaml")


@pytest.mark.parametrize(
    "item", SPANISH, ids=[f"{i:03}-{x['label']}" for i, x in enumerate(SPANISH)]
)
def test_spanish_phrase(item: dict[str, Any]) -> None:
    level, signals = explain(item["text"])
    why = f"{item['text']!r} -> {level.value} {signals}"
    if item["label"] == "disclosure":
        assert level is not CrisisLevel.NONE, why
    elif item["label"] == "none":
        assert level in (CrisisLevel.NONE, CrisisLevel.CHECK), why
        assert level is CrisisLevel.NONE or "danger:discounted_figure_of_speech" in signals
    else:
        assert level.value == item["label"], why
    assert rules(item["text"]).medical == bool(item.get("medical")), why


def test_spanish_is_reported_as_spanish(detector: CrisisDetector) -> None:
    for text in (
        "me quiero morir",
        "mi esposo me pega cuando toma",
        "que es el vinculo traumatico",
    ):
        assert detector.assess(text).language == "es", text


def test_spanish_sos_is_not_a_cry_for_help() -> None:
    assert classify("vos sos un genio") is CrisisLevel.NONE
    assert classify("sos") is CrisisLevel.DANGER


# --- Other languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("je ne sais plus quoi faire avec mon mari", "fr"),
        ("ich habe angst vor meinem mann und weiss nicht weiter", "de"),
        ("eu quero morrer, nao aguento mais", "pt"),
        ("non so cosa fare con mio marito", "it"),
    ],
)
def test_other_language_is_flagged(detector: CrisisDetector, text: str, code: str) -> None:
    assert detector.assess(text).language == code


@pytest.mark.parametrize(
    "text", ["ok", "hi", "lol", "thanks", "k", "ok cool thanks bro", "why do i miss him"]
)
def test_short_and_english_messages_are_english(text: str) -> None:
    assert identify(text) == "en"


def test_crisis_wins_over_an_unknown_language(detector: CrisisDetector) -> None:
    a = detector.assess("aidez moi il a un couteau, he has a knife")
    assert a.level is CrisisLevel.DANGER


def test_every_labelled_english_message_is_english() -> None:
    items = load("crisis_phrases.yaml") + load("crisis_phrases_extra.yaml")
    others = [i["text"] for i in items if identify(i["text"]) != "en"]
    assert not others


def test_language_model_loads_once() -> None:
    ident = LanguageIdentifier()
    assert not ident.loaded
    assert identify("je ne sais plus quoi faire avec mon mari", identifier=ident) == "fr"
    assert ident.loaded


# --- Context ------------------------------------------------------------------------------------


def test_context_joins_recent_messages() -> None:
    d = rules_only()
    assert d.assess("he's back", chat_id=1, now=0).level is CrisisLevel.NONE
    assert d.assess("i'm so scared", chat_id=1, now=30).level is CrisisLevel.DANGER
    # The same second message in another chat, or without a chat, only asks "are you safe?".
    assert d.assess("i'm so scared", chat_id=2, now=30).level is CrisisLevel.CHECK
    assert d.assess("i'm so scared").level is CrisisLevel.CHECK


def test_context_expires_after_ten_minutes() -> None:
    d = rules_only()
    d.assess("he's back", chat_id=1, now=0)
    assert d.assess("i'm so scared", chat_id=1, now=MAX_AGE + 1).level is CrisisLevel.CHECK
    d.assess("he's back", chat_id=3, now=0)
    assert d.assess("i'm so scared", chat_id=3, now=MAX_AGE - 1).level is CrisisLevel.DANGER


def test_context_holds_three_messages() -> None:
    d = rules_only()
    d.assess("he's back", chat_id=1, now=0)
    d.assess("the weather is grey", chat_id=1, now=1)
    d.assess("i made tea", chat_id=1, now=2)
    # "coming home" is now the fourth message back: out of the window.
    assert d.assess("i'm so scared", chat_id=1, now=3).level is CrisisLevel.CHECK
    d.assess("he's back", chat_id=2, now=0)
    d.assess("i made tea", chat_id=2, now=1)
    assert d.assess("i'm so scared", chat_id=2, now=2).level is CrisisLevel.DANGER
    assert len(d.context) <= 6


def test_context_does_not_repeat_a_crisis_on_a_plain_reply(detector: CrisisDetector) -> None:
    detector.assess("i want to die", chat_id=41, now=0)
    assert detector.assess("ok thanks", chat_id=41, now=10).level is CrisisLevel.NONE
    detector.assess("he's outside my door", chat_id=42, now=0)
    assert detector.assess("thank you", chat_id=42, now=10).level is CrisisLevel.NONE


def test_cant_do_this_then_pills(detector: CrisisDetector) -> None:
    detector.assess("i cant do this anymore", chat_id=43, now=0)
    level = detector.assess("i have the pills", chat_id=43, now=20).level
    assert level in (CrisisLevel.SELF_HARM, CrisisLevel.CHECK)
    detector.assess("im so tired of all this", chat_id=44, now=0)
    assert detector.assess("i have the pills", chat_id=44, now=20).level in (
        CrisisLevel.SELF_HARM,
        CrisisLevel.CHECK,
    )


def test_a_calm_message_does_not_inherit_an_earlier_crisis(detector: CrisisDetector) -> None:
    """The latest message inherits nothing without a sign of its own (used sequences): it is
    answered as it would be alone."""
    assert detector.assess("i cant do this anymore", chat_id=45, now=0).level is (
        CrisisLevel.SELF_HARM
    )
    for i, text in enumerate(["this spreadsheet is evil", "going to lunch"], start=1):
        level = detector.assess(text, chat_id=45, now=10.0 * i).level
        assert level is detector.assess(text).level and level not in FULL, text
    detector.assess("hes outside", chat_id=46, now=0)
    assert detector.assess("the delivery guy i mean, brb", chat_id=46, now=10).level is (
        CrisisLevel.NONE
    )


def test_a_combination_says_what_no_message_said(detector: CrisisDetector) -> None:
    """Written for this test: neither message alone is a crisis, together they are."""
    assert detector.assess("i took the afternoon off", chat_id=47, now=0).level is (
        CrisisLevel.NONE
    )
    a = detector.assess("and all of the sleeping pills in the cupboard", chat_id=47, now=10)
    assert a.level is CrisisLevel.SELF_HARM and a.medical
    # Still carried on when the latest message has a sign of its own (fear).
    detector.assess("he's coming home now", chat_id=48, now=0)
    assert detector.assess("im shaking", chat_id=48, now=10).level is CrisisLevel.DANGER


def test_used_sequences(detector: CrisisDetector) -> None:
    """Conversations written blind (scored blind first, then used to fix the context): no
    message of a calm conversation gets a full crisis reply it would not get alone, at most one
    is asked about because of its context, and the crisis ones are found."""
    items = load("crisis_used_sequences.yaml")
    found = {"danger": 0, "self_harm": 0}
    asked = 0
    for n, item in enumerate(items):
        chat = 20_000 + n
        levels = [
            detector.assess(text, chat_id=chat, now=60.0 * i).level
            for i, text in enumerate(item["messages"])
        ]
        if item["label"] == "none":
            alone = [detector.assess(text).level for text in item["messages"]]
            # Context never turns a calm conversation into a full crisis reply; it may ask
            # "are you safe?" once in a while (Spanish: the meaning layer's lower threshold).
            pairs = zip(levels, alone, strict=True)
            assert not any(lv in FULL and a not in FULL for lv, a in pairs), item
            asked += levels != alone
        elif any(level in (*FULL, CrisisLevel.CHECK) for level in levels):
            found[item["label"]] += 1
    assert found["danger"] >= 14 and found["self_harm"] >= 13, found
    assert asked <= 1


# --- The used blind rounds and the families written from them ------------------------------------

FAMILIES = load("crisis_phrases_families.yaml")


@pytest.mark.parametrize(
    "item", FAMILIES, ids=[f"{i:03}-{x['label']}-{x['text'][:30]}" for i, x in enumerate(FAMILIES)]
)
def test_family_phrase(item: dict[str, Any]) -> None:
    """The rules hold each family on phrases written fresh for it."""
    found = rules(item["text"])
    why = f"{item['text']!r} -> {found.level.value} {explain(item['text'])[1]}"
    if item["label"] in ("danger", "self_harm"):
        assert found.level in FULL, why
    elif item["label"] == "disclosure":
        assert found.level is not CrisisLevel.NONE, why
    else:
        assert found.level not in FULL, why
    assert found.medical == bool(item.get("medical")), why


def test_semantic_phrases(detector: CrisisDetector) -> None:
    """Indirect crisis messages and calm fragments (training data of the semantic layer, so
    in-sample): nearly all crisis ones are answered, no calm one gets a full crisis reply."""
    items = load("crisis_phrases_semantic.yaml")
    got = [(item, detector.assess(item["text"]).level) for item in items]
    crisis = [level for i, level in got if i["label"] in ("danger", "self_harm")]
    assert sum(level in (*FULL, CrisisLevel.CHECK) for level in crisis) >= 0.9 * len(crisis)
    calm = [(i["text"], level) for i, level in got if i["label"] == "none"]
    assert not [c for c in calm if c[1] in FULL]
    assert sum(level is CrisisLevel.CHECK for _, level in calm) <= 0.15 * len(calm)


# Per round: (near-misses with a full reply at most, disclosures answered at least, overdoses
# taken not led with the emergency number at most). Rounds 3
# and 4 came later and keep figures of speech the rules still take literally ("im gonna shoot
# myself lol") and disclosures without the words the rules know; these floors are what they
# score now, so a change that loses ground fails here. (Round 3's disclosures went from 36 to
# 35 of 42 when training on rounds 5-7 raised the meaning layer's threshold.)
ROUND_FLOORS = {
    "crisis_used_round1.yaml": (0.05, 0.9, 0),
    "crisis_used_round2.yaml": (0.05, 0.9, 0),
    "crisis_used_round3.yaml": (0.06, 0.83, 0),
    "crisis_used_round4.yaml": (0.03, 0.85, 0),
    "crisis_used_round5.yaml": (0.05, 0.85, 0),
    "crisis_used_round6.yaml": (0.06, 0.85, 0),
    "crisis_used_round7.yaml": (0.05, 0.85, 0),
    "crisis_used_round8.yaml": (0.05, 0.85, 0),
    "crisis_used_round9.yaml": (0.05, 0.85, 0),
    "crisis_used_round10.yaml": (0.05, 0.85, 0),
    "crisis_used_round11.yaml": (0.05, 0.85, 0),
    # "had 2 packs of paracetamol this morning" reads like a daily dose to the rules.
    "crisis_used_round12.yaml": (0.05, 0.85, 1),
    "crisis_used_round13.yaml": (0.05, 0.85, 0),
    "crisis_used_round14.yaml": (0.05, 0.9, 0),
    "crisis_used_round15.yaml": (0.05, 0.9, 0),
    "crisis_used_round16.yaml": (0.05, 0.9, 0),
    "crisis_used_round17.yaml": (0.05, 0.9, 0),
    "crisis_used_round18.yaml": (0.05, 0.9, 0),
    "crisis_used_round19.yaml": (0.05, 0.9, 0),
    "crisis_used_round20.yaml": (0.05, 0.9, 0),
    # Past attempts told as survived ("in 2019 i took an overdose", in Spanish too) and a TV
    # overdose still get the full reply; "emptied the blister packs" says nothing of swallowing.
    "crisis_used_round21.yaml": (0.06, 0.9, 1),
}


@pytest.mark.parametrize("name", list(ROUND_FLOORS))
def test_used_round_floor(detector: CrisisDetector, name: str) -> None:
    """Non-blind floor on the rounds first scored blind (they are training data now: the
    held-out figures come from `python -m bench.accuracy --hold-out`)."""
    items = load(name)
    got = [(item, detector.assess(item["text"])) for item in items]
    crisis = [a.level for i, a in got if i["label"] in ("danger", "self_harm")]
    calm = [a.level for i, a in got if i["label"] == "none"]
    told = [a.level for i, a in got if i["label"] == "disclosure"]
    taken = [a.medical for i, a in got if i.get("medical")]
    assert sum(level in (*FULL, CrisisLevel.CHECK) for level in crisis) >= 0.97 * len(crisis)
    full_on_calm, disclosures, medical_missed = ROUND_FLOORS[name]
    assert sum(level in FULL for level in calm) <= full_on_calm * len(calm)
    assert sum(level is CrisisLevel.CHECK for level in calm) <= 0.2 * len(calm)
    assert sum(level is not CrisisLevel.NONE for level in told) >= disclosures * len(told)
    assert taken.count(False) <= medical_missed


def test_sequences_file(detector: CrisisDetector) -> None:
    """Non-blind sequences: no calm one becomes a crisis, and at most one crisis goes unasked
    (a goodbye letter told after the crisis reply was already given)."""
    items = load("crisis_sequences.yaml")
    assert len(items) >= 15
    misses = []
    for n, item in enumerate(items):
        for i, text in enumerate(item["messages"]):
            last = detector.assess(text, chat_id=10_000 + n, now=60.0 * i)
        if item["label"] == "none":
            assert last.level is CrisisLevel.NONE, item
        elif last.level is CrisisLevel.NONE:
            misses.append(item["messages"])
        elif item["label"] in ("danger", "self_harm"):
            assert last.level in (*FULL, CrisisLevel.CHECK), item
    assert len(misses) <= 1, misses


def test_recent_messages_forgets_and_caps_chats() -> None:
    recent = RecentMessages(max_messages=3, max_age=600, max_chats=2)
    d = CrisisDetector(semantic=False, context=recent)
    for chat in (1, 2, 3):
        d.assess("hello there", chat_id=chat, now=0)
    assert recent.chats() == 2  # the least recently active chat was dropped
    d.forget(3)
    assert recent.chats() == 1
    recent.clear()
    assert len(recent) == 0


# --- Privacy ------------------------------------------------------------------------------------


def test_no_text_is_logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "my secret words about the pills in the blue drawer"
    with caplog.at_level(logging.DEBUG):
        d = CrisisDetector()
        d.assess(secret, chat_id=7, now=0)
        d.assess(secret + " again", chat_id=7, now=1)

        def boom(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError(secret)

        # An internal failure is logged by its type only, and the rules still answer.
        monkeypatch.setattr(crisis_module, "rules_on", boom)
        a = d.assess("i want to die " + secret, chat_id=7, now=2)
    assert a.level is CrisisLevel.SELF_HARM
    assert "crisis assessment failed (RuntimeError)" in caplog.text
    assert "secret" not in caplog.text
    assert "drawer" not in caplog.text


def test_context_keeps_no_raw_text() -> None:
    d = rules_only()
    d.assess("He’s OUTSIDE!!! My Door", chat_id=9, now=0)
    stored = repr(d.context._chats)
    assert "OUTSIDE" not in stored and "!!!" not in stored


# --- Disclosures the rules do not know -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my husband changes the wifi password and only gives it to me when i behave",
        "he makes me hand over my payslip every month",
    ],
)
def test_a_disclosure_in_words_the_rules_do_not_know_is_answered(
    detector: CrisisDetector, text: str
) -> None:
    assert rules(text).level is CrisisLevel.NONE  # the rules alone would leave it unanswered
    assert detector.assess(text).level is CrisisLevel.DISCLOSURE


@pytest.mark.parametrize(
    "text", ["what is trauma bonding", "why do i miss him", "how do i stop checking his instagram"]
)
def test_ordinary_questions_are_not_taken_for_disclosures(
    detector: CrisisDetector, text: str
) -> None:
    assert detector.assess(text).level is CrisisLevel.NONE


def test_data_without_disclosure_thresholds_never_reports_one() -> None:
    """Weights trained before the disclosure thresholds existed load with the layer off."""
    model = SemanticModel.load()
    older = SemanticModel(model.embedder, model.params, model.threshold, model.threshold_es)
    text = "my husband changes the wifi password and only gives it to me when i behave"
    assert model.score(text).told and not older.score(text).told
