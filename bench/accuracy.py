"""Accuracy of `python -m bot match` on held-out questions and on the labelled crisis sets.

    python -m bench.accuracy

Prints one JSON object. The held-out questions (tests/data/heldout_questions.yaml) were written
apart from the topics' example questions; ones that happen to be identical to an example are
counted and left out of the score.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

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
    items = yaml.safe_load((ROOT / "tests/data/heldout_questions.yaml").read_text())
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


def crisis(path: str) -> dict[str, object]:
    items = yaml.safe_load((ROOT / path).read_text())
    answers = run_match([i["text"].replace("\n", " ") for i in items])
    confusion: Counter[tuple[str, str]] = Counter(
        (i["label"], str(a["crisis"])) for i, a in zip(items, answers, strict=True)
    )
    labels = Counter(i["label"] for i in items)
    recall = {
        label: round(confusion[(label, label)] / labels[label], 3)
        for label in ("danger", "self_harm")
        if labels[label]
    }
    # A self-harm message answered with the danger reply still gets the emergency number.
    caught = {
        label: round(
            sum(
                v
                for (truth, p), v in confusion.items()
                if truth == label and p in {"danger", "self_harm"}
            )
            / labels[label],
            3,
        )
        for label in ("danger", "self_harm")
        if labels[label]
    }
    none_total = labels["none"]
    false_pos = sum(v for (truth, p), v in confusion.items() if truth == "none" and p != "none")
    disclosure_missed = confusion[("disclosure", "none")]
    return {
        "items": len(items),
        "by_label": dict(labels),
        "recall": recall,
        "caught_as_crisis": caught,
        "disclosure_missed": disclosure_missed,
        "false_positive_rate": round(false_pos / none_total, 3) if none_total else None,
    }


if __name__ == "__main__":
    print(
        json.dumps(
            {
                "topics_held_out": topics(),
                "crisis_labelled": crisis("tests/safety/crisis_phrases.yaml"),
                # Used to fix the detector after its first scoring (see its header).
                "crisis_held_out_then_fixed": crisis("tests/safety/crisis_heldout.yaml"),
                # Written without seeing the detector; scored once before the safety-net patterns.
                "crisis_blind": crisis("tests/safety/crisis_blind.yaml"),
            },
            indent=2,
        )
    )
