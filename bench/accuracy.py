"""Accuracy of `python -m bot match` on held-out questions and on the labelled crisis sets.

    python -m bench.accuracy                                   # topics + every labelled set
    python -m bench.accuracy --blind PATH                      # + a blind set, scored apart
    python -m bench.accuracy --sequences tests/safety/crisis_sequences.yaml
    python -m bench.accuracy --no-topics --hold-out tests/safety/crisis_used_round2.yaml

Prints one JSON object. The held-out questions (tests/data/heldout_questions.yaml) were written
apart from the topics' example questions; ones that happen to be identical to an example are
counted and left out of the score.

Crisis figures come in two groups that must not be mixed:
- "non_blind": sets the detector was built, tuned or trained on, and the ones used to fix it
  after a first blind score (crisis_heldout.yaml and crisis_blind.yaml are "seen" now).
- "blind": a file given with --blind that no one working on the detector has read. It is a
  YAML list of {text, label, lang?, medical?}; label is danger, self_harm, disclosure or none.
For each set: recall of danger and self-harm answered with a full crisis reply, with "check"
("are you safe right now?"), and the two together; disclosures not left unanswered; on `none`
items (near-misses), the full-crisis and check rates; the same for Spanish items (lang: es);
and how often an overdose already taken (medical: true) gets the emergency number first.
--sequences scores short conversations ({messages: [...], label}) with the chat context: the
last message's level, and whether any message of the conversation was answered with a full
crisis reply or a check (what a person in the conversation sees).
--hold-out FILE (repeatable) retrains the semantic layer in memory without the texts of FILE
(bot.safety.train, same recipe and cross-validated thresholds) and scores FILE with the whole
detector in process: a leave-one-set-out figure for the semantic layer. The rules are not
retrained: they were written after reading the used sets, so for them it is not held out.
With a sequences file (items with `messages`) the retrained layer scores the conversations.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bot.content import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def run_match(lines: list[str]) -> list[dict[str, object]]:
    """The real command, so the figures are the tool's own."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "match"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def topics() -> dict[str, object]:
    from bot.content import load_content

    examples = {e.lower() for t in load_content().topics.values() for e in t.examples}
    items = load_yaml((ROOT / "tests/data/heldout_questions.yaml").read_text())
    scored = [i for i in items if i["text"].lower() not in examples]
    answers = run_match([i["text"] for i in scored])
    top1 = sum(a["topics"][0]["id"] == i["topic"] for i, a in zip(scored, answers, strict=True))
    top3 = sum(
        i["topic"] in [t["id"] for t in a["topics"]] for i, a in zip(scored, answers, strict=True)
    )  # type: ignore[attr-defined]
    n = len(scored)
    return {
        "questions": len(items),
        "identical_to_examples": len(items) - n,
        "scored": n,
        "top1": round(top1 / n, 3),
        "top3": round(top3 / n, 3),
    }


FULL = {"danger", "self_harm"}


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def score_items(items: list[dict[str, Any]], default_lang: str = "en") -> dict[str, Any]:
    """Figures for labelled messages, each scored alone by the match command."""
    answers = run_match([i["text"].replace("\n", " ") for i in items])
    return summarise(items, answers, default_lang)


def summarise(
    items: list[dict[str, Any]], answers: list[dict[str, object]], default_lang: str = "en"
) -> dict[str, Any]:
    """Figures for labelled messages from their answers ({"crisis": level, "medical"?})."""
    labels = Counter(i["label"] for i in items)
    out: dict[str, Any] = {"items": len(items), "by_label": dict(labels)}
    pairs = list(zip(items, answers, strict=True))
    for label in ("danger", "self_harm"):
        got = [str(a["crisis"]) for i, a in pairs if i["label"] == label]
        if got:
            full = sum(g in FULL for g in got)
            check = sum(g == "check" for g in got)
            out[f"recall_{label}"] = {
                "exact": _rate(sum(g == label for g in got), len(got)),
                "full": _rate(full, len(got)),
                "check": _rate(check, len(got)),
                "full_or_check": _rate(full + check, len(got)),
            }
    got = [str(a["crisis"]) for i, a in pairs if i["label"] == "disclosure"]
    if got:
        out["disclosure_answered"] = _rate(sum(g != "none" for g in got), len(got))
    got = [str(a["crisis"]) for i, a in pairs if i["label"] == "none"]
    if got:
        out["near_miss"] = {
            "full_crisis_rate": _rate(sum(g in FULL for g in got), len(got)),
            "check_rate": _rate(sum(g == "check" for g in got), len(got)),
            "disclosure_rate": _rate(sum(g == "disclosure" for g in got), len(got)),
        }
    spanish = [(i, a) for i, a in pairs if i.get("lang", default_lang) == "es"]
    if spanish:
        crisis = [str(a["crisis"]) for i, a in spanish if i["label"] in FULL]
        calm = [str(a["crisis"]) for i, a in spanish if i["label"] == "none"]
        out["spanish"] = {
            "items": len(spanish),
            "crisis_full": _rate(sum(g in FULL for g in crisis), len(crisis)),
            "crisis_full_or_check": _rate(sum(g in FULL | {"check"} for g in crisis), len(crisis)),
            "near_miss_full_rate": _rate(sum(g in FULL for g in calm), len(calm)),
            "near_miss_check_rate": _rate(sum(g == "check" for g in calm), len(calm)),
        }
    medical = [bool(a.get("medical")) for i, a in pairs if i.get("medical")]
    not_medical = [bool(a.get("medical")) for i, a in pairs if not i.get("medical")]
    if medical:
        out["medical_lead"] = {
            "overdoses_taken": len(medical),
            "led_with_emergency_number": _rate(sum(medical), len(medical)),
            "false_leads_on_other_items": _rate(sum(not_medical), len(not_medical)),
        }
    return out


def score_sequences(path: Path, detector: Any = None) -> dict[str, Any]:
    """Conversations scored in order with the chat context: the last message's level, and
    the most serious answer any message of the conversation got."""
    from bot.safety.crisis import CrisisDetector
    from bot.safety.detector import SEVERITY, CrisisLevel

    detector = detector or CrisisDetector()
    items = load_yaml(path.read_text(encoding="utf-8"))
    got: list[tuple[str, str, str]] = []
    for n, item in enumerate(items):
        levels = [
            detector.assess(text, chat_id=n, now=60.0 * i).level
            for i, text in enumerate(item["messages"])
        ]
        worst = max(levels, key=lambda level: SEVERITY[level], default=CrisisLevel.NONE)
        got.append((item["label"], levels[-1].value if levels else "none", worst.value))
    crisis = [g for label, g, _ in got if label != "none"]
    calm = [g for label, g, _ in got if label == "none"]
    out: dict[str, Any] = {
        "sequences": len(items),
        "crisis_full": _rate(sum(g in FULL for g in crisis), len(crisis)),
        "crisis_full_or_check": _rate(sum(g in FULL | {"check"} for g in crisis), len(crisis)),
        "calm_full_rate": _rate(sum(g in FULL for g in calm), len(calm)),
        "calm_check_rate": _rate(sum(g == "check" for g in calm), len(calm)),
    }
    for label in ("danger", "self_harm", "none"):
        any_level = [w for lab, _, w in got if lab == label]
        if any_level:
            out[f"any_message_{label}"] = {
                "n": len(any_level),
                "full": sum(w in FULL for w in any_level),
                "full_or_check": sum(w in FULL | {"check"} for w in any_level),
            }
    return out


def held_out(path: Path) -> dict[str, Any]:
    """The whole detector on FILE, its semantic layer retrained without FILE's texts."""
    import numpy as np

    from bot.safety import train
    from bot.safety.crisis import CrisisDetector
    from bot.safety.embedding import StaticEmbedder
    from bot.safety.semantic import SemanticModel

    items = load_yaml(path.read_text(encoding="utf-8"))
    sequences = bool(items) and "messages" in items[0]
    texts = {t for i in items for t in (i["messages"] if sequences else [i["text"]])}
    embedder = StaticEmbedder.load()
    params, limits, _ = train.train_model(
        train.load_items(exclude=texts), embedder, cross_validated=False
    )
    detector = CrisisDetector()
    detector._model = SemanticModel(
        embedder,
        tuple(np.asarray(p, np.float64) for p in params),
        limits["en"],
        limits["es"],
        limits["told_en"],
        limits["told_es"],
    )
    head: dict[str, Any] = {"path": str(path), "thresholds": limits}
    if sequences:
        return {**head, **score_sequences(path, detector)}
    answers: list[dict[str, object]] = []
    for item in items:
        a = detector.assess(item["text"].replace("\n", " "))
        answers.append({"crisis": a.level.value, "medical": a.medical})
    return {**head, **summarise(items, answers)}


def crisis(path: str, default_lang: str = "en") -> dict[str, Any]:
    items = load_yaml((ROOT / path).read_text(encoding="utf-8"))
    return score_items(items, default_lang)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="topic and crisis accuracy")
    parser.add_argument("--blind", type=Path, help="a blind YAML set, scored apart")
    parser.add_argument("--sequences", type=Path, help="a YAML set of conversations")
    parser.add_argument("--no-topics", action="store_true", help="skip the topic figures")
    parser.add_argument(
        "--hold-out",
        type=Path,
        action="append",
        default=[],
        help="retrain the semantic layer without this file and score it (repeatable)",
    )
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    if args.hold_out:
        report["held_out_non_blind"] = [held_out(path) for path in args.hold_out]
        print(json.dumps(report, indent=2))
        return 0
    if not args.no_topics:
        report["topics_held_out"] = topics()
    report["non_blind"] = {
        "note": "built, tuned or trained on these, or fixed after scoring them: not blind",
        # The rules were written on this set; the semantic layer was trained on it.
        "crisis_labelled": crisis("tests/safety/crisis_phrases.yaml"),
        "crisis_labelled_extra": crisis("tests/safety/crisis_phrases_extra.yaml"),
        "crisis_labelled_spanish": crisis("tests/safety/crisis_phrases_es.yaml", "es"),
        # Used to fix the detector after its first scoring (see its header): seen.
        "crisis_held_out_then_fixed": crisis("tests/safety/crisis_heldout.yaml"),
        # Written without seeing the detector; scored once before the safety-net patterns,
        # and scored during the semantic-layer work: seen.
        "crisis_blind_seen": crisis("tests/safety/crisis_blind.yaml"),
        "sequences": score_sequences(ROOT / "tests/safety/crisis_sequences.yaml"),
        # Scored blind at main, then used to tune the rules, train the semantic layer and
        # fix the context: seen.
        "crisis_used_round1": crisis("tests/safety/crisis_used_round1.yaml"),
        "crisis_used_round2": crisis("tests/safety/crisis_used_round2.yaml"),
        "sequences_used": score_sequences(ROOT / "tests/safety/crisis_used_sequences.yaml"),
        # Scored blind first (figures in their headers), then trained on and read for rules.
        "crisis_used_round3": crisis("tests/safety/crisis_used_round3.yaml"),
        "crisis_used_round4": crisis("tests/safety/crisis_used_round4.yaml"),
        "crisis_used_round5": crisis("tests/safety/crisis_used_round5.yaml"),
        "crisis_used_round6": crisis("tests/safety/crisis_used_round6.yaml"),
        "crisis_used_round7": crisis("tests/safety/crisis_used_round7.yaml"),
        "crisis_used_round8": crisis("tests/safety/crisis_used_round8.yaml"),
        "crisis_used_round9": crisis("tests/safety/crisis_used_round9.yaml"),
        "crisis_used_round10": crisis("tests/safety/crisis_used_round10.yaml"),
        "crisis_used_round11": crisis("tests/safety/crisis_used_round11.yaml"),
        "crisis_used_round12": crisis("tests/safety/crisis_used_round12.yaml"),
        "crisis_used_round13": crisis("tests/safety/crisis_used_round13.yaml"),
        "crisis_used_round14": crisis("tests/safety/crisis_used_round14.yaml"),
        "crisis_used_round15": crisis("tests/safety/crisis_used_round15.yaml"),
        "crisis_used_round16": crisis("tests/safety/crisis_used_round16.yaml"),
        "crisis_used_round17": crisis("tests/safety/crisis_used_round17.yaml"),
        "crisis_used_round18": crisis("tests/safety/crisis_used_round18.yaml"),
        "crisis_used_round19": crisis("tests/safety/crisis_used_round19.yaml"),
        "crisis_used_round20": crisis("tests/safety/crisis_used_round20.yaml"),
        "crisis_used_round21": crisis("tests/safety/crisis_used_round21.yaml"),
        "sequences_used_round3": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round3.yaml"
        ),
        "sequences_used_round4": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round4.yaml"
        ),
        "sequences_used_round5": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round5.yaml"
        ),
        "sequences_used_round6": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round6.yaml"
        ),
        "sequences_used_round7": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round7.yaml"
        ),
        "sequences_used_round8": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round8.yaml"
        ),
        "sequences_used_round9": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round9.yaml"
        ),
        "sequences_used_round10": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round10.yaml"
        ),
        "sequences_used_round11": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round11.yaml"
        ),
        "sequences_used_round12": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round12.yaml"
        ),
        "sequences_used_round13": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round13.yaml"
        ),
        "sequences_used_round14": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round14.yaml"
        ),
        "sequences_used_round15": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round15.yaml"
        ),
        "sequences_used_round16": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round16.yaml"
        ),
        "sequences_used_round17": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round17.yaml"
        ),
        "sequences_used_round18": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round18.yaml"
        ),
        "sequences_used_round19": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round19.yaml"
        ),
        "sequences_used_round20": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round20.yaml"
        ),
        "sequences_used_round21": score_sequences(
            ROOT / "tests/safety/crisis_used_sequences_round21.yaml"
        ),
    }
    if args.blind:
        report["blind"] = {
            "path": str(args.blind),
            **score_items(load_yaml(args.blind.read_text(encoding="utf-8"))),
        }
    if args.sequences:
        report["sequences"] = {"path": str(args.sequences), **score_sequences(args.sequences)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
