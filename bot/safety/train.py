"""Build step: train the semantic layer's classifier and write bot/safety/data/semantic.npz.

    .venv/bin/python -m bot.safety.train            # train, cross-validate, write the file
    .venv/bin/python -m bot.safety.train --check    # cross-validate only, write nothing

Run from the repository root after changing a labelled set; commit the .npz it writes. Not
imported by the bot. Training data (all non-blind):
- the labelled sets in SETS: the developers' own phrases (crisis_phrases*.yaml, among them
  crisis_phrases_families.yaml and crisis_phrases_semantic.yaml, written for the wording
  families the used rounds showed the detector missing and for the calm messages it flagged)
  and the
  rounds that were first scored blind and then used for tuning (crisis_used_round1-21.yaml);
- the bot's own topic questions (messages/topics.yaml), as `none` or, where the rules see a
  disclosure in them, `disclosure` (any the rules call a crisis are left out): ordinary
  questions a person asks the bot must not be asked "are you safe right now?".
The held-out and first blind sets (crisis_heldout.yaml, crisis_blind.yaml) and anything under
/work/blind are never read here. `python -m bench.accuracy --hold-out FILE` trains without a
file and scores the whole detector on it (leave-one-set-out).

Model: one hidden layer of semantic.HIDDEN ReLU units and a softmax over the four classes
(numpy, full-batch Adam, L2, balanced class weights, fixed seed) on the unit-length mean
WordLlama embedding. Decision thresholds on P(danger) + P(self_harm), one for English and one
for Spanish: the smallest on a grid whose 5-fold cross-validated flag rate on the labelled
`none` items of that language (near-misses, figures of speech, calm messages) stays within
NONE_FLAG_TARGET and, for English, on the topic questions within TOPIC_FLAG_TARGET (which is
the bound that holds the English threshold now). A second threshold on P(disclosure) answers
disclosures the rules miss (TOLD_*_TARGET). The figures printed are cross-validated, so
non-blind but out-of-fold.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from bot.content import load_content, load_yaml
from bot.safety.detector import CrisisLevel, rules
from bot.safety.embedding import MODEL_NAME, StaticEmbedder
from bot.safety.semantic import CLASSES, DATA_FILE, HIDDEN, forward, sentence_features

ROOT: Final = Path(__file__).resolve().parents[2]
SETS: Final = (
    ("tests/safety/crisis_phrases.yaml", "en"),
    ("tests/safety/crisis_phrases_extra.yaml", "en"),
    ("tests/safety/crisis_phrases_es.yaml", "es"),
    ("tests/safety/crisis_phrases_families.yaml", "en"),
    ("tests/safety/crisis_phrases_semantic.yaml", "en"),
    ("tests/safety/crisis_used_round1.yaml", "en"),
    ("tests/safety/crisis_used_round2.yaml", "en"),
    ("tests/safety/crisis_used_round3.yaml", "en"),
    ("tests/safety/crisis_used_round4.yaml", "en"),
    ("tests/safety/crisis_used_round5.yaml", "en"),
    ("tests/safety/crisis_used_round6.yaml", "en"),
    ("tests/safety/crisis_used_round7.yaml", "en"),
    ("tests/safety/crisis_used_round8.yaml", "en"),
    ("tests/safety/crisis_used_round9.yaml", "en"),
    ("tests/safety/crisis_used_round10.yaml", "en"),
    ("tests/safety/crisis_used_round11.yaml", "en"),
    ("tests/safety/crisis_used_round12.yaml", "en"),
    ("tests/safety/crisis_used_round13.yaml", "en"),
    ("tests/safety/crisis_used_round14.yaml", "en"),
    ("tests/safety/crisis_used_round15.yaml", "en"),
    ("tests/safety/crisis_used_round16.yaml", "en"),
    ("tests/safety/crisis_used_round17.yaml", "en"),
    ("tests/safety/crisis_used_round18.yaml", "en"),
    ("tests/safety/crisis_used_round19.yaml", "en"),
    ("tests/safety/crisis_used_round20.yaml", "en"),
    ("tests/safety/crisis_used_round21.yaml", "en"),
)
OUT: Final = Path(__file__).resolve().parent / "data" / DATA_FILE
L2: Final = 1e-4
ITERATIONS: Final = 800
LEARNING_RATE: Final = 0.01
SEED: Final = 2026
FOLDS: Final = 5
# Near-misses asked "are you safe right now?" may be up to a quarter (the crisis issue's bound,
# measured blind); at 0.15 the blind rounds 4-9 showed 9-22% while self-harm recall suffered.
NONE_FLAG_TARGET: Final = 0.2  # semantic-only flag rate on labelled `none`, cross-validated
TOPIC_FLAG_TARGET: Final = 0.08  # and on the bot's own topic questions (ordinary questions)
# A disclosure the rules missed: P(disclosure) of the most telling part, when the message is not
# close to danger or self-harm. Its threshold keeps cross-validated disclosure replies on
# labelled `none` items within TOLD_NONE_TARGET and on the topic questions within
# TOLD_TOPIC_TARGET (a disclosure reply still offers the nearest topics).
TOLD_NONE_TARGET: Final = 0.04
TOLD_TOPIC_TARGET: Final = 0.03
GRID: Final = (*(round(0.3 + 0.025 * i, 3) for i in range(27)), 0.97, 0.98, 0.99)
LANGUAGES: Final = ("en", "es")

Array = npt.NDArray[np.float64]
Params = tuple[Array, ...]


def _read(path: Path, lang: str) -> list[dict[str, Any]]:
    items = load_yaml(path.read_text(encoding="utf-8"))
    return [{**item, "lang": item.get("lang", lang)} for item in items]


def topic_items() -> list[dict[str, Any]]:
    """The bot's topic questions: calm messages (or disclosures) by construction."""
    out = []
    for topic in load_content().topics.values():
        for text in topic.examples:
            level = rules(text).level
            if level in (CrisisLevel.DANGER, CrisisLevel.SELF_HARM, CrisisLevel.CHECK):
                continue
            label = "disclosure" if level is CrisisLevel.DISCLOSURE else "none"
            out.append({"text": text, "label": label, "lang": "en", "topic": True})
    return out


def load_items(exclude: Iterable[str] = (), topics: bool = True) -> list[dict[str, Any]]:
    """Every training item once (first occurrence wins), without the texts in `exclude`."""
    seen = set(exclude)
    items = []
    sources = [_read(ROOT / path, lang) for path, lang in SETS]
    if topics:
        sources.append(topic_items())
    for source in sources:
        for item in source:
            if item["text"] in seen:
                continue
            seen.add(item["text"])
            items.append(item)
    return items


def fingerprint(items: list[dict[str, Any]]) -> str:
    """What a training run depends on, hashed: every item as trained on (text, label, language,
    topic or not), the model and the settings. Stored in the .npz, so a labelled set changed
    without retraining is caught in milliseconds, on any machine (a retrain itself differs in
    the last bits between BLAS builds, so comparing its output is not portable)."""
    basis = {
        "items": [
            [item["text"], item["label"], item["lang"], bool(item.get("topic"))] for item in items
        ],
        "model": MODEL_NAME,
        "classes": list(CLASSES),
        "hidden": HIDDEN,
        "settings": [L2, ITERATIONS, LEARNING_RATE, SEED, FOLDS, list(GRID)],
        "targets": [NONE_FLAG_TARGET, TOPIC_FLAG_TARGET, TOLD_NONE_TARGET, TOLD_TOPIC_TARGET],
    }
    return hashlib.sha256(json.dumps(basis, ensure_ascii=False).encode("utf-8")).hexdigest()


def fit(x: Array, y: npt.NDArray[np.int64]) -> Params:
    """The network, full batch Adam, balanced class weights, L2 on the weights."""
    n, d = x.shape
    k = len(CLASSES)
    rng = np.random.default_rng(SEED)
    w1 = rng.normal(0.0, 1.0 / np.sqrt(d), (d, HIDDEN))
    b1 = np.zeros(HIDDEN)
    w2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, k))
    b2 = np.zeros(k)
    params = [w1, b1, w2, b2]
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample_weight = (n / (k * np.maximum(counts, 1)))[y]
    sample_weight /= sample_weight.sum()
    target = np.eye(k)[y]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for step in range(1, ITERATIONS + 1):
        hidden = np.maximum(x @ w1 + b1, 0.0)
        logits = hidden @ w2 + b2
        z = np.exp(logits - logits.max(axis=1, keepdims=True))
        grad_logits = (z / z.sum(axis=1, keepdims=True) - target) * sample_weight[:, None]
        grad_hidden = (grad_logits @ w2.T) * (hidden > 0)
        grads = (
            x.T @ grad_hidden + L2 * w1,
            grad_hidden.sum(axis=0),
            hidden.T @ grad_logits + L2 * w2,
            grad_logits.sum(axis=0),
        )
        for i, (param, grad) in enumerate(zip(params, grads, strict=True)):
            m, v = first[i], second[i]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return tuple(params)


def features(embedder: StaticEmbedder, items: list[dict[str, Any]]) -> tuple[Array, list[Array]]:
    """Whole-text embeddings (training) and the scored parts of each text (scoring)."""
    x = np.stack([embedder.embed(item["text"]) for item in items]).astype(np.float64)
    parts = [
        sentence_features(embedder, embedder.sentence_ids(item["text"])).astype(np.float64)
        for item in items
    ]
    return x, parts


def labels(items: list[dict[str, Any]]) -> npt.NDArray[np.int64]:
    return np.array([CLASSES.index(item["label"]) for item in items], dtype=np.int64)


def alarm(params: Params, parts: Array) -> float:
    """P(danger) + P(self_harm) of the most alarming part, as the bot computes it."""
    if not len(parts):
        return 0.0
    p = forward(parts, params)
    return float((p[:, 2] + p[:, 3]).max())


def told(params: Params, parts: Array) -> float:
    """P(disclosure) of the most telling part, as the bot computes it."""
    if not len(parts):
        return 0.0
    return float(forward(parts, params)[:, 1].max())


def cross_validate(x: Array, y: npt.NDArray[np.int64], parts: list[Array]) -> tuple[Array, Array]:
    """Out-of-fold alarm and disclosure score of every item."""
    folds = np.random.default_rng(SEED).permutation(len(y)) % FOLDS
    alarms, tolds = np.zeros(len(y)), np.zeros(len(y))
    for fold in range(FOLDS):
        train = folds != fold
        params = fit(x[train], y[train])
        for i in np.flatnonzero(~train):
            alarms[i] = alarm(params, parts[i])
            tolds[i] = told(params, parts[i])
    return alarms, tolds


def _smallest_per_language(
    items: list[dict[str, Any]],
    rate: Callable[[list[int], float, str], float],
    near_target: float,
    topic_target: float,
) -> dict[str, float]:
    """Per language: the smallest threshold on GRID whose `rate` stays within near_target on
    the labelled `none` items of that language (near-misses, figures of speech, calm messages)
    and, for English, within topic_target on the topic questions."""
    out = {}
    topics = [i for i, item in enumerate(items) if item.get("topic") and item["label"] == "none"]
    for lang in LANGUAGES:
        near = [
            i
            for i, item in enumerate(items)
            if item["label"] == "none" and not item.get("topic") and item["lang"] == lang
        ]
        easy = topics if lang == "en" else []
        out[lang] = next(
            (
                t
                for t in GRID
                if rate(near, t, lang) <= near_target and rate(easy, t, lang) <= topic_target
            ),
            GRID[-1],
        )
    return out


def thresholds(items: list[dict[str, Any]], alarms: Array) -> dict[str, float]:
    """Alarm thresholds: cross-validated flag rates within NONE_FLAG_TARGET on labelled `none`
    items and TOPIC_FLAG_TARGET on the topic questions."""

    def rate(rows: list[int], t: float, _lang: str) -> float:
        return float((alarms[rows] >= t).mean()) if rows else 0.0

    return _smallest_per_language(items, rate, NONE_FLAG_TARGET, TOPIC_FLAG_TARGET)


def told_thresholds(
    items: list[dict[str, Any]], alarms: Array, tolds: Array, limits: dict[str, float]
) -> dict[str, float]:
    """Disclosure thresholds: cross-validated disclosure replies (told at or above it, alarm
    below the language's threshold) within TOLD_NONE_TARGET on labelled `none` items and
    TOLD_TOPIC_TARGET on the topic questions."""

    def rate(rows: list[int], t: float, lang: str) -> float:
        if not rows:
            return 0.0
        return float(((tolds[rows] >= t) & (alarms[rows] < limits[lang])).mean())

    return _smallest_per_language(items, rate, TOLD_NONE_TARGET, TOLD_TOPIC_TARGET)


def figures(
    items: list[dict[str, Any]],
    alarms: Array,
    limits: dict[str, float],
    tolds: Array | None = None,
    told_limits: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Cross-validated semantic figures, and the rules + semantic result they imply."""
    flagged = np.array([alarms[i] >= limits[item["lang"]] for i, item in enumerate(items)])
    told_flag = np.array(
        [
            tolds is not None
            and told_limits is not None
            and not flagged[i]
            and tolds[i] >= told_limits[item["lang"]]
            for i, item in enumerate(items)
        ]
    )
    levels = [rules(item["text"]).level for item in items]
    out: dict[str, Any] = {"thresholds": limits, "disclosure_thresholds": told_limits}
    for lang in ("all", *LANGUAGES, "topics"):
        block: dict[str, Any] = {}
        for label in ("danger", "self_harm", "disclosure", "none"):
            idx = [
                i
                for i, item in enumerate(items)
                if item["label"] == label
                and (
                    bool(item.get("topic"))
                    if lang == "topics"
                    else not item.get("topic") and lang in ("all", item["lang"])
                )
            ]
            if not idx:
                continue
            full = sum(levels[i] in (CrisisLevel.DANGER, CrisisLevel.SELF_HARM) for i in idx)
            check = sum(
                levels[i] not in (CrisisLevel.DANGER, CrisisLevel.SELF_HARM)
                and (levels[i] is CrisisLevel.CHECK or bool(flagged[i]))
                for i in idx
            )
            block[label] = {
                "n": len(idx),
                "semantic_flag_rate": round(float(flagged[idx].mean()), 3),
                "semantic_disclosure_rate": round(float(told_flag[idx].mean()), 3),
                "rules_plus_semantic_full": round(full / len(idx), 3),
                "rules_plus_semantic_check": round(check / len(idx), 3),
            }
        out[lang] = block
    return out


def evaluate(
    items: list[dict[str, Any]], embedder: StaticEmbedder, *, cross_validated: bool = True
) -> tuple[Array, npt.NDArray[np.int64], dict[str, float], dict[str, Any]]:
    """Features and labels, with thresholds and figures from 5-fold cross-validation."""
    x, parts = features(embedder, items)
    y = labels(items)
    alarms, tolds = cross_validate(x, y, parts)
    limits = thresholds(items, alarms)
    told_limits = told_thresholds(items, alarms, tolds, limits)
    report = {
        "model": MODEL_NAME,
        "hidden": HIDDEN,
        "items": len(items),
        "by_label": {c: int((y == i).sum()) for i, c in enumerate(CLASSES)},
        "note": "5-fold cross-validated on non-blind labelled sets: the rules were written on"
        " the same phrases, so rules_plus_semantic_* overstates them.",
        "cross_validated": (
            figures(items, alarms, limits, tolds, told_limits) if cross_validated else {}
        ),
    }
    limits = {**limits, "told_en": told_limits["en"], "told_es": told_limits["es"]}
    return x, y, limits, report


def train_model(
    items: list[dict[str, Any]], embedder: StaticEmbedder, *, cross_validated: bool = True
) -> tuple[Params, dict[str, float], dict[str, Any]]:
    """Fit on all items; thresholds and figures from 5-fold cross-validation."""
    x, y, limits, report = evaluate(items, embedder, cross_validated=cross_validated)
    return fit(x, y), limits, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only")
    args = parser.parse_args(argv)
    embedder = StaticEmbedder.load()
    items = load_items()
    if args.check:  # the report only: the final fit on all items would go unused
        print(json.dumps(evaluate(items, embedder)[3], indent=2))
        return 0
    params, limits, report = train_model(items, embedder)
    print(json.dumps(report, indent=2))
    w1, b1, w2, b2 = params
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        w1=w1.astype(np.float32),
        b1=b1.astype(np.float32),
        w2=w2.astype(np.float32),
        b2=b2.astype(np.float32),
        classes=np.array(CLASSES),
        threshold=np.float32(limits["en"]),
        threshold_es=np.float32(limits["es"]),
        threshold_told=np.float32(limits["told_en"]),
        threshold_told_es=np.float32(limits["told_es"]),
        model=np.array(MODEL_NAME),
        fingerprint=np.array(fingerprint(items)),
        report=np.array(json.dumps(report)),
    )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
