"""Benchmark: one user floods while others write; flood control keeps the others' replies fast
and never drops a crisis reply to the flooder.

    python -m bench.flood [--flood 500] [--seconds 10] [--others 50] [--rounds 1]
                          [--crises 5] [--keep] [--out bench/out/flood.json]

The real bot (`python -m bot run`, a subprocess, fresh SQLite) against the fake Bot API
(bench/fake_telegram.py) at Telegram's limits (30 sends/s per bot, 1/s per chat with bursts
of 3). During `--seconds`, chat 9000 sends `--flood` ordinary messages, evenly spaced, and
"i want to die" `--crises` times among them; each of `--others` chats (100...) sends /start
`--rounds` times, evenly spaced over the same window. `--flood 0 --crises 0` is the baseline:
the same /start traffic with no flooder, to tell the flood's cost from the machine's noise.

Figures (one JSON object, also written to --out):
- others_ms: p50/p95/p99/max from injecting a /start to the fake accepting its reply;
  others_unanswered should be 0; pass_p99_200ms says whether p99 <= 200 ms.
- bot_cpu_s: CPU seconds the bot used from the first injection until the replies settled
  (compare with the baseline), and load_average when the run began (the machine's noise).
- flooder: crises sent and crisis replies accepted (must be equal: never dropped),
  ordinary replies, slow-down lines (1 per flood), messages dropped, and 429s in its chat.
- bot_log: WARNING/ERROR lines of the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.fake_telegram import FakeTelegram
from bench.run import BotProcess, Limits, bot_env, log_counts, percentile, wait_until

FLOODER = 9000
OTHERS_START = 100
CRISIS = "i want to die"
CRISIS_MARK = "so sorry you're hurting"  # the self-harm reply's opening (messages/ui.yaml)
SLOW_MARK = "a lot of messages at once"  # flood_slow_down
SETTLE = 15.0  # seconds to wait for late replies after the window


def message(chat: int, n: int, text: str) -> dict[str, Any]:
    user = {"id": chat, "is_bot": False, "first_name": "Bench", "language_code": "en"}
    body: dict[str, Any] = {
        "message_id": n,
        "date": int(time.time()),
        "chat": {"id": chat, "type": "private", "first_name": "Bench"},
        "from": user,
        "text": text,
    }
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"message": body}


def schedule(args: argparse.Namespace) -> list[tuple[float, int, str]]:
    """(seconds from start, chat, text), in time order."""
    events: list[tuple[float, int, str]] = []
    step = args.seconds / max(1, args.flood)
    crisis_every = max(1, args.flood // max(1, args.crises))
    for n in range(args.flood):
        crisis = args.crises and n % crisis_every == crisis_every // 2
        text = CRISIS if crisis and n // crisis_every < args.crises else f"hello there {n}"
        events.append((n * step, FLOODER, text))
    sends = args.others * args.rounds
    for k in range(sends):
        events.append(((k + 0.5) * args.seconds / sends, OTHERS_START + k % args.others, "/start"))
    return sorted(events)


async def bench(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    fake = FakeTelegram()
    base_url = await fake.start()
    limits = Limits(1.0)
    env = bot_env(base_url, f"sqlite+aiosqlite:///{tmp / 'flood.sqlite3'}", limits)
    bot = BotProcess(env, tmp / "bot.log")
    injected: dict[int, list[tuple[int, float, str]]] = {}
    try:
        await bot.start()
        ready = lambda: fake.first_get_updates_at is not None  # noqa: E731
        started = await wait_until(ready, time.monotonic() + 60.0, bot, None)
        if started != "done":
            return {"error": f"bot did not start ({started})", "bot_log": bot.tail()}
        await asyncio.sleep(1.0)  # let start-up calls settle
        fake.reset()
        events = schedule(args)
        load = os.getloadavg()[0]
        cpu_before = cpu_seconds(bot.pid)
        begin = time.monotonic()
        counters: dict[int, int] = {}
        for at, chat, text in events:
            delay = begin + at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            counters[chat] = counters.get(chat, 0) + 1
            uid = fake.inject_update(message(chat, counters[chat], text))
            injected.setdefault(chat, []).append((uid, fake.injected_at[uid], text))
        window_end = time.monotonic()
        crises = sum(1 for _, _, t in injected.get(FLOODER, []) if t == CRISIS)

        def settled() -> bool:
            crisis_replies = [
                r for r in fake.sent if r.chat_id == FLOODER and CRISIS_MARK in (r.text or "")
            ]
            others = sum(1 for r in fake.sent if r.chat_id != FLOODER)
            return len(crisis_replies) >= crises and others >= args.others * args.rounds

        await wait_until(settled, time.monotonic() + SETTLE, bot, None)
        cpu = cpu_seconds(bot.pid) - cpu_before
        await asyncio.sleep(1.0)  # late extras, if any
    finally:
        await bot.stop()
        await fake.stop()
    result = report(args, fake, injected, window_end - begin, tmp / "bot.log")
    result["bot_cpu_s"] = round(cpu, 2)
    result["load_average"] = round(load, 2)
    return result


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(
    args: argparse.Namespace,
    fake: FakeTelegram,
    injected: dict[int, list[tuple[int, float, str]]],
    window: float,
    log: Path,
) -> dict[str, Any]:
    latencies: list[float] = []
    unanswered = 0
    for k in range(args.others):
        chat = OTHERS_START + k
        replies = [r for r in fake.sent if r.chat_id == chat]
        for n, (_, at, _) in enumerate(injected.get(chat, [])):
            if n < len(replies):
                latencies.append((replies[n].monotonic - at) * 1000)
            else:
                unanswered += 1
    flood = injected.get(FLOODER, [])
    mine = [r for r in fake.sent if r.chat_id == FLOODER]
    crisis_replies = sum(CRISIS_MARK in (r.text or "") for r in mine)
    slow = sum(SLOW_MARK in (r.text or "") for r in mine)
    ordinary = len(mine) - crisis_replies - slow
    crises = sum(1 for _, _, t in flood if t == CRISIS)
    throttled = sum(1 for _, _, chat, _ in fake.throttled if chat == FLOODER)
    p99 = percentile(latencies, 99)
    return {
        "config": {
            "flood": args.flood,
            "seconds": args.seconds,
            "others": args.others,
            "rounds": args.rounds,
            "crises": crises,
            "injection_window_s": round(window, 3),
        },
        "others_ms": {
            "p50": _r(percentile(latencies, 50)),
            "p95": _r(percentile(latencies, 95)),
            "p99": _r(p99),
            "max": _r(max(latencies, default=0.0)),
            "samples": len(latencies),
        },
        "others_unanswered": unanswered,
        "pass_p99_200ms": p99 is not None and p99 <= 200.0 and unanswered == 0,
        "flooder": {
            "messages": len(flood),
            "crises_sent": crises,
            "crisis_replies": crisis_replies,
            "crisis_replies_dropped": crises - crisis_replies,
            "ordinary_replies": ordinary,
            "slow_down_lines": slow,
            "dropped": len(flood) - crises - ordinary,
            "rate_limited_429": throttled,
        },
        "spec_violations": fake.violations.total(),
        "bot_log": log_counts(log),
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.flood", description=__doc__)
    parser.add_argument("--flood", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--others", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1, help="/start sends per other user")
    parser.add_argument("--crises", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--out", default="bench/out/flood.json")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-flood-"))
    try:
        result = asyncio.run(bench(args, tmp))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    text = json.dumps(result, indent=2)
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    ok = result.get("pass_p99_200ms") and not result.get("flooder", {}).get(
        "crisis_replies_dropped", 1
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
