"""Budgets of the crisis detector: time per message, start-up time and memory.

    .venv/bin/python -m bench.detection            # about a minute on 2 cores
    .venv/bin/python -m bench.detection --quick    # fewer rounds

Prints one JSON object:
- per_message_ms: p50/p99/max of CrisisDetector.assess on the labelled phrases (real message
  lengths) and on long messages of 1,000-4,096 characters (Telegram's limit) made of labelled
  phrases, and of `none` phrases only (the slowest path: every rule, the embedding and the
  language run), alone and with a chat's context (joined with the two messages before).
- startup: wall time and resident memory of a fresh interpreter that imports the rules only
  (what the bot loaded before) against one that builds a CrisisDetector and assesses a first
  message (embeddings and classifier loaded), and one that also loads the language model.
  Each is the median of several runs; the deltas are what the semantic layer adds.
Budgets: p99 <= 5 ms per message; start-up +1 s and RSS +100 MB at most.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bot.content import load_yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ("crisis_phrases.yaml", "crisis_phrases_extra.yaml", "crisis_phrases_es.yaml")

_RSS = (
    "def _rss():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmRSS'):\n"
    "            return int(line.split()[1]) / 1024\n"
)
PROGRAMS = {
    "rules_only": "import bot.safety.detector as d\nd.classify('hello there friend')\n",
    "semantic": (
        "from bot.safety.crisis import CrisisDetector\n"
        "CrisisDetector().assess('i feel so lost tonight', chat_id=1)\n"
    ),
    "semantic_and_language": (
        "from bot.safety.crisis import CrisisDetector\n"
        "c = CrisisDetector()\nc.warm_up(language=True)\n"
        "c.assess('je ne sais plus quoi faire avec lui', chat_id=1)\n"
    ),
}


def texts(label: str | None = None) -> list[str]:
    out: list[str] = []
    for name in SETS:
        items = load_yaml((ROOT / "tests/safety" / name).read_text(encoding="utf-8"))
        out += [item["text"] for item in items if label in (None, item["label"])]
    return out


def long_texts(base: list[str], n: int, rnd: random.Random) -> list[str]:
    """Vents of 1,000 to 4,096 characters made of labelled phrases."""
    out = []
    for _ in range(n):
        size = rnd.randint(1000, 4096)
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(rnd.choice(base))
        out.append(". ".join(parts)[:size])
    return out


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 3)

    return {"n": len(ordered), "p50": at(0.50), "p90": at(0.90), "p99": at(0.99), "max": at(1.0)}


def per_message(rounds: int) -> dict[str, Any]:
    from bot.safety.crisis import CrisisDetector
    from bot.safety.detector import classify

    detector = CrisisDetector()
    detector.warm_up(language=True)  # the language model's first load is start-up, not here
    rnd = random.Random(7)
    short = texts()
    long = long_texts(short, 200, rnd)
    # The slowest path: nothing alarming, so every rule, the embedding and the language run.
    long_calm = long_texts(texts("none"), 200, rnd)
    for text in short[:50] + long[:10] + long_calm[:10]:
        detector.assess(text)
    results: dict[str, Any] = {}
    pools = (
        ("labelled_messages", short),
        ("long_1000_4096_chars", long),
        ("long_1000_4096_chars_calm", long_calm),
    )
    for name, pool in pools:
        alone: list[float] = []
        context: list[float] = []
        for r in range(rounds):
            for i, text in enumerate(pool):
                start = time.perf_counter()
                detector.assess(text)
                alone.append(time.perf_counter() - start)
                start = time.perf_counter()
                detector.assess(text, chat_id=i % 50, now=r * 10_000.0 + i)
                context.append(time.perf_counter() - start)
        rules_only: list[float] = []
        for text in pool:
            start = time.perf_counter()
            classify(text)
            rules_only.append(time.perf_counter() - start)
        results[name] = {
            "alone": percentiles(alone),
            "with_context": percentiles(context),
            "rules_only_classify_for_comparison": percentiles(rules_only),
        }
    return results


def startup(runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, body in PROGRAMS.items():
        code = (
            "import time\n_t = time.perf_counter()\n"
            + _RSS
            + body
            + "print(time.perf_counter() - _t, _rss())\n"
        )
        walls, inner, rss = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", code],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
                env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
            )
            walls.append(time.perf_counter() - start)
            seconds, mb = done.stdout.split()
            inner.append(float(seconds))
            rss.append(float(mb))
        out[name] = {
            "process_wall_s": round(statistics.median(walls), 3),
            "import_and_first_call_s": round(statistics.median(inner), 3),
            "rss_mb": round(statistics.median(rss), 1),
        }
    base = out["rules_only"]
    for name in ("semantic", "semantic_and_language"):
        out[f"delta_{name}"] = {
            "wall_s": round(out[name]["process_wall_s"] - base["process_wall_s"], 3),
            "rss_mb": round(out[name]["rss_mb"] - base["rss_mb"], 1),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="crisis detector budgets")
    parser.add_argument("--quick", action="store_true", help="fewer rounds and runs")
    args = parser.parse_args(argv)
    report = {
        "per_message_ms": per_message(rounds=1 if args.quick else 3),
        "startup": startup(runs=3 if args.quick else 7),
        "budgets": {"p99_ms": 5.0, "startup_delta_s": 1.0, "rss_delta_mb": 100.0},
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
