"""Benchmark: inbound bursts. The real bot (a subprocess) against the fake Bot API.

    python -m bench.burst [--users 500] [--window 3] [--scale 1]
                          [--flood-messages 200] [--flood-seconds 10] [--others 50]
                          [--skip-burst] [--skip-flood] [--keep] [--out bench/out/burst.json]

Parts (each with a fresh SQLite database and a fresh fake server with Telegram's limits:
30*scale sends per second per bot, 3 per 3 s per chat, 429 retry_after beyond):
  burst  --users new users each send /start, spread evenly over --window seconds; every
         250 ms during that window one more user sends a crisis message and another /hotline.
  flood  one user sends --flood-messages questions in --flood-seconds while --others users
         each ask one every 2.5 s; the flooder also sends a crisis message half-way.
Prints one JSON object (also written to --out); bench/README.md says what each figure means.
Exit status 1 when the fake saw spec violations or the bot exited on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.fake_telegram import FakeTelegram, SentRecord
from bench.run import (
    ROOT,
    BotProcess,
    Limits,
    _cpu_s,
    _DropConnectionLost,
    _r,
    bot_env,
    log_counts,
    percentile,
)
from bot.content import load_content

URGENT_EVERY = 0.25  # seconds between injected crisis messages (and between /hotlines)
BURST_USERS, CRISIS_USERS, HOTLINE_USERS = 2_000_000, 3_000_000, 4_000_000
FLOODER, OTHERS = 5_000_000, 6_000_000
OTHERS_EVERY = 2.5  # seconds between one other user's messages during the flood
CRISIS_TEXTS = (
    "he is going to kill me tonight",
    "he's outside my door",
    "she grabbed a knife from the kitchen",
    "he just punched me and i'm bleeding",
)
QUESTIONS = (
    "what is a trauma bond",
    "why do I keep going back to him",
    "I miss him so much",
    "how do I stop checking her profile",
)
SETTLE = 1.0  # seconds to keep watching after the last expected reply
POLL = 0.02


def message(chat: int, n: int, text: str) -> dict[str, Any]:
    user = {"id": chat, "is_bot": False, "first_name": "Bench", "language_code": "en"}
    body: dict[str, Any] = {
        "message_id": n + 1,
        "date": int(time.time()),
        "chat": {"id": chat, "type": "private", "first_name": "Bench"},
        "from": user,
        "text": text,
    }
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": body}


@dataclass
class Injected:
    chat: int
    kind: str  # start, crisis, hotline, flood, other
    at: float  # monotonic, as the fake recorded it


class Traffic:
    """What was injected, and the replies the fake accepted, matched by chat and order."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.injected: list[Injected] = []
        self._per_chat: dict[int, int] = {}

    def inject(self, chat: int, kind: str, text: str) -> None:
        n = self._per_chat.get(chat, 0)
        self._per_chat[chat] = n + 1
        uid = self.fake.inject_update(message(chat, n, text))
        self.injected.append(Injected(chat, kind, self.fake.injected_at[uid]))

    def replies(self) -> dict[int, list[SentRecord]]:
        by_chat: dict[int, list[SentRecord]] = {}
        for record in self.fake.sent:
            if isinstance(record.chat_id, int):
                by_chat.setdefault(record.chat_id, []).append(record)
        return by_chat

    def latencies(self, kinds: Iterable[str]) -> tuple[list[float], int]:
        """Seconds from each injection of these kinds to its reply (k-th reply in the chat
        for the k-th message), and how many have none."""
        wanted = set(kinds)
        by_chat, seen = self.replies(), {}
        samples, unanswered = [], 0
        for item in self.injected:
            k = seen.get(item.chat, 0)
            seen[item.chat] = k + 1
            if item.kind not in wanted:
                continue
            chat_replies = by_chat.get(item.chat, [])
            if k < len(chat_replies):
                samples.append(chat_replies[k].monotonic - item.at)
            else:
                unanswered += 1
        return samples, unanswered

    def answered(self, kinds: Iterable[str]) -> bool:
        return self.latencies(kinds)[1] == 0


async def at_times(schedule: list[tuple[float, int, str, str]], traffic: Traffic) -> None:
    """Inject (offset s, chat, kind, text) at their offsets from now."""
    start = time.monotonic()
    for offset, chat, kind, text in sorted(schedule):
        delay = start + offset - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        traffic.inject(chat, kind, text)


def stats_ms(samples: list[float]) -> dict[str, float | None]:
    ms = [s * 1000 for s in samples]
    return {
        "p50_ms": _r(percentile(ms, 50), 1),
        "p99_ms": _r(percentile(ms, 99), 1),
        "max_ms": _r(max(ms), 1) if ms else None,
        "samples": len(ms),
    }


class Bench:
    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args, self.tmp = args, tmp
        self.limits = Limits(args.scale)
        ui = load_content().ui
        self.error_texts = {ui["something_wrong"], ui["db_down"]}
        self.crisis_prefix = ui["crisis_danger"].split("\n")[0]
        self.violations = 0
        self.violation_messages: list[str] = []
        self.bot_exits: list[dict[str, Any]] = []

    async def run_bot(self, name: str) -> tuple[FakeTelegram, BotProcess]:
        fake = FakeTelegram(rate_per_bot=self.limits.telegram, per_chat_rate=1.0, per_chat_burst=3)
        await fake.start("127.0.0.1", 0)
        assert fake.base_url is not None
        url = f"sqlite+aiosqlite:///{self.tmp / name}.sqlite3"
        bot = BotProcess(bot_env(fake.base_url, url, self.limits), self.tmp / f"bot-{name}.log")
        await bot.start()
        await self.wait(lambda: fake.first_get_updates_at is not None, time.monotonic() + 60, bot)
        await asyncio.sleep(0.5)  # past start-up: the first long poll is waiting
        return fake, bot

    async def finish(self, part: str, fake: FakeTelegram, bot: BotProcess) -> dict[str, Any]:
        info = bot.unexpected_exit()
        if info is not None:
            self.bot_exits.append({"part": part, **info})
        await bot.stop()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(fake.stop(), 10)
        stats = fake.stats()
        self.violations += stats["spec_violations_total"]
        room = 20 - len(self.violation_messages)
        self.violation_messages += stats["spec_violation_messages"][: max(0, room)]
        return stats

    async def wait(self, condition: Any, deadline: float, bot: BotProcess) -> str:
        while not condition():
            if bot.exited:
                return "bot_exited"
            if time.monotonic() >= deadline:
                return "timeout"
            await asyncio.sleep(POLL)
        return "done"

    def errors(self, fake: FakeTelegram) -> int:
        return sum(1 for r in fake.sent if r.text in self.error_texts)

    async def burst(self) -> dict[str, Any]:
        n, window, rate = self.args.users, self.args.window, self.limits.telegram
        fake, bot = await self.run_bot("burst")
        traffic = Traffic(fake)
        out: dict[str, Any] = {"users": n, "window_s": window}
        try:
            schedule = [(window * i / n, BURST_USERS + i, "start", "/start") for i in range(n)]
            urgent = int(window / URGENT_EVERY)
            for k in range(urgent):
                crisis = CRISIS_TEXTS[k % len(CRISIS_TEXTS)]
                schedule.append((k * URGENT_EVERY, CRISIS_USERS + k, "crisis", crisis))
                schedule.append((k * URGENT_EVERY + 0.01, HOTLINE_USERS + k, "hotline", "/hotline"))
            cpu0 = (time.monotonic(), _cpu_s(bot.pid))
            await at_times(schedule, traffic)
            deadline = time.monotonic() + 3 * n / rate + 60
            kinds = ("start", "crisis", "hotline")
            status = await self.wait(lambda: traffic.answered(kinds), deadline, bot)
            cpu1 = (time.monotonic(), _cpu_s(bot.pid))
            await asyncio.sleep(SETTLE)  # late error replies or copies would show now
            out["status"] = status
        finally:
            stats = await self.finish("burst", fake, bot)
            out["bot_log"] = log_counts(bot.log_path)
        starts = [i for i in traffic.injected if i.kind == "start"]
        start_samples, start_unanswered = traffic.latencies(["start"])
        crisis, crisis_unanswered = traffic.latencies(["crisis"])
        hotline, hotline_unanswered = traffic.latencies(["hotline"])
        first_start = min(i.at for i in starts)
        replies = traffic.replies()
        last_start_reply = max(
            (replies[i.chat][0].monotonic for i in starts if replies.get(i.chat)), default=None
        )
        all_answered = last_start_reply - first_start if last_start_reply else None
        physical = n / rate
        sends = stats["sends_total"]
        out.update(
            unanswered=start_unanswered + crisis_unanswered + hotline_unanswered,
            unanswered_by_kind={
                "start": start_unanswered,
                "crisis": crisis_unanswered,
                "hotline": hotline_unanswered,
            },
            error_replies=self.errors(fake),
            retry_after_429s=stats["rate_limited_total"],
            sends=sends,
            share_429=_r(stats["rate_limited_total"] / sends if sends else None, 4),
            all_answered_s=_r(all_answered),
            physical_min_s=_r(physical),
            ratio_to_physical_min=_r(all_answered / physical if all_answered else None),
            physical_min_with_urgent_s=_r((n + 2 * urgent) / rate),
            crisis=stats_ms(crisis),
            hotline=stats_ms(hotline),
            start=stats_ms(start_samples),
            # /start's second message (the country question) goes after everyone's first.
            second_messages_by_end=sum(1 for i in starts if len(replies.get(i.chat, [])) > 1),
            cpu_share_bot=_r((cpu1[1] - cpu0[1]) / (cpu1[0] - cpu0[0]), 2)
            if cpu0[1] is not None and cpu1[1] is not None
            else None,
            spec_violations=stats["spec_violations_total"],
        )
        return out

    async def flood(self) -> dict[str, Any]:
        count, seconds, others = self.args.flood_messages, self.args.flood_seconds, self.args.others
        fake, bot = await self.run_bot("flood")
        traffic = Traffic(fake)
        out: dict[str, Any] = {"flood_messages": count, "flood_seconds": seconds, "others": others}
        try:
            schedule = [
                (seconds * i / count, FLOODER, "flood", QUESTIONS[i % len(QUESTIONS)])
                for i in range(count)
            ]
            schedule.append((seconds / 2, FLOODER, "flood_crisis", CRISIS_TEXTS[0]))
            for j in range(others):
                offset = OTHERS_EVERY * j / others
                while offset < seconds:
                    text = QUESTIONS[(j + int(offset)) % len(QUESTIONS)]
                    schedule.append((offset, OTHERS + j, "other", text))
                    offset += OTHERS_EVERY
            await at_times(schedule, traffic)
            deadline = time.monotonic() + 60
            status = await self.wait(lambda: traffic.answered(["other"]), deadline, bot)
            await asyncio.sleep(SETTLE)
            out["status"] = status
            flooder = traffic.replies().get(FLOODER, [])
            crisis_in = next(i.at for i in traffic.injected if i.kind == "flood_crisis")
            crisis_reply = next(
                (r for r in flooder if (r.text or "").startswith(self.crisis_prefix)), None
            )
            out["flooder_replies_by_end"] = len(flooder)
            out["flooder_crisis_reply_ms"] = (
                _r((crisis_reply.monotonic - crisis_in) * 1000, 1) if crisis_reply else None
            )
        finally:
            stats = await self.finish("flood", fake, bot)
            out["bot_log"] = log_counts(bot.log_path)
        samples, unanswered = traffic.latencies(["other"])
        out.update(
            others_latency=stats_ms(samples),
            others_unanswered=unanswered,
            error_replies=self.errors(fake),
            retry_after_429s=stats["rate_limited_total"],
            spec_violations=stats["spec_violations_total"],
        )
        return out


async def run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    bench = Bench(args, tmp)
    result: dict[str, Any] = {
        "config": {
            "users": args.users,
            "window_s": args.window,
            "scale": args.scale,
            **bench.limits.as_dict(),
            "urgent_every_ms": URGENT_EVERY * 1000,
            "flood_messages": args.flood_messages,
            "flood_seconds": args.flood_seconds,
            "others": args.others,
            "others_every_s": OTHERS_EVERY,
            "database": "sqlite+aiosqlite (temporary file)",
            "python": sys.version.split()[0],
        }
    }
    quiet = _DropConnectionLost()
    logging.getLogger("aiohttp.server").addFilter(quiet)
    started = time.monotonic()
    try:
        if not args.skip_burst:
            result["burst"] = await bench.burst()
        if not args.skip_flood:
            result["flood"] = await bench.flood()
    finally:
        logging.getLogger("aiohttp.server").removeFilter(quiet)
    result["spec_violations"] = bench.violations
    result["spec_violation_messages"] = bench.violation_messages
    result["bot_exits"] = bench.bot_exits
    result["total_s"] = _r(time.monotonic() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.burst",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--users", type=int, default=500, help="N new users sending /start")
    parser.add_argument("--window", type=float, default=3.0, help="seconds the burst lasts")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the rate limits")
    parser.add_argument("--flood-messages", type=int, default=200)
    parser.add_argument("--flood-seconds", type=float, default=10.0)
    parser.add_argument("--others", type=int, default=50, help="users writing during the flood")
    parser.add_argument("--skip-burst", action="store_true")
    parser.add_argument("--skip-flood", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, DBs)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "burst.json")
    args = parser.parse_args(argv)
    if args.users < 1 or args.window <= 0 or not 0 < args.scale <= 100:
        parser.error("--users >= 1, --window > 0 and --scale in (0, 100] please")
    tmp = Path(tempfile.mkdtemp(prefix="bench-burst-"))
    try:
        result = asyncio.run(run(args, tmp))
    except BaseException:
        print(f"bench: stopped; logs kept in {tmp}", file=sys.stderr)
        raise
    trouble = bool(result["spec_violations"] or result["bot_exits"])
    keep = args.keep or trouble
    result["tmpdir"] = str(tmp) if keep else None
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    text = json.dumps(result, indent=2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    for message_text in result["spec_violation_messages"]:
        print(f"  spec violation: {message_text}", file=sys.stderr)
    for exit_info in result["bot_exits"]:
        print(f"bench: the bot exited unexpectedly in {exit_info['part']}:", file=sys.stderr)
        for line in exit_info["stderr_tail"]:
            print(f"  {line}", file=sys.stderr)
    return 1 if trouble else 0


if __name__ == "__main__":
    sys.exit(main())
