"""Benchmark: the real bot (a subprocess) against the fake Bot API (in this process).

    python -m bench.run [--subscribers 600] [--scale 1] [--big 100000]
                        [--skip-fanout] [--skip-kill] [--skip-big] [--keep]
                        [--postgres URL] [--out bench/out/result.json]

Parts (each with a fresh SQLite database and a fresh fake server):
  fanout  N subscribers due now; bulk rate, 429s, duplicates, losses, and the latency of
          /hotline replies injected every 250 ms while the daily messages flow.
  kill    3 runs: SIGKILL the bot when about half the messages are out, restart it on the
          same database, count losses and duplicates.
  big     --big subscribers due tomorrow: start-up time and memory (VmHWM) of an idle bot.
  takeover  (only with --postgres) 3 runs: two instances on one PostgreSQL database; when
          about half the messages are out, the lock holder's backend is terminated
          (pg_terminate_backend) while its process lives on. Losses, duplicates, and how
          long the old holder kept sending. The database's tables are dropped first.
Prints one JSON object (also written to --out); see bench/README.md for what each figure
means. Exit status 1 when the fake saw spec violations or the bot exited on its own.
Loopback only; every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import math
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import aiohttp

from bench.fake_telegram import FakeTelegram, SentRecord
from bench.seed import seed
from bot.db.outbox import DISPATCHER_LOCK_KEY
from bot.webhook import SECRET_HEADER

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456:" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"  # digits, colon, 35 letters
TOKEN_B = "654321:" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"  # the second instance, told apart
TAKEOVER_RUNS = 3
SECOND_UP = 3.0  # seconds the second instance gets to start before the first is cut off
# Every table the migrations made, whichever they are: the schema is emptied and made again.
DROP_TABLES = "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
LOCK_HOLDER = (
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)
DAILY_START = 1_000_000  # daily subscribers are DAILY_START .. DAILY_START + N - 1
HOTLINE_CHATS = (42, 43, 44, 45, 46)  # /hotline users, rotated so 4/s stays under 1/s per chat
HOTLINE_EVERY = 0.25  # seconds between injected /hotline updates
BULK, GLOBAL, TELEGRAM = 25.0, 30.0, 30.0  # per second, times --scale
DISPATCH_INTERVAL = 0.5
POLL = 0.02  # how often the driver looks at the fake's records
SETTLE = 2.0  # seconds to keep watching after the last expected message (late duplicates)
REPLY_WAIT = 10.0  # seconds to wait for outstanding /hotline replies after the fan-out
STOP_GRACE = 5.0  # SIGTERM, then SIGKILL after this
KILL_RUNS = 3
BIG_IDLE = 5.0  # the big bot runs this long after its first getUpdates before RSS is read
STRIP_ENV = {
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "DATABASE_URL",
    "BULK_RATE_PER_SECOND",
    "GLOBAL_RATE_PER_SECOND",
    "GRACE_MINUTES",
    "DISPATCH_INTERVAL_SECONDS",
    "LOG_LEVEL",
    "PTB_TIMEDELTA",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
}


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0-100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class Limits:
    def __init__(self, scale: float, bulk: float | None = None) -> None:
        self.scale = scale
        self.bulk = (BULK if bulk is None else bulk) * scale
        self.global_ = GLOBAL * scale
        self.telegram = max(1, round(TELEGRAM * scale))

    def as_dict(self) -> dict[str, Any]:
        return {
            "bulk_rate_per_second": self.bulk,
            "global_rate_per_second": self.global_,
            "telegram_rate_per_bot": self.telegram,
            "telegram_per_chat_rate": 1.0,
            "telegram_per_chat_burst": 3,
            "dispatch_interval_s": DISPATCH_INTERVAL,
        }


# --- the bot subprocess -------------------------------------------------------------------


class BotProcess:
    """`python -m bot run` with its stdout and stderr in a log file."""

    def __init__(self, env: dict[str, str], log_path: Path, command: str = "run") -> None:
        self.env, self.log_path, self.command = env, log_path, command
        self.proc: asyncio.subprocess.Process | None = None
        self.spawned_at = 0.0
        self._log: IO[bytes] | None = None
        self.stopping = False

    async def start(self) -> None:
        self._log = self.log_path.open("ab")
        self.spawned_at = time.monotonic()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            self.command,
            cwd=ROOT,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=self._log,
            stderr=asyncio.subprocess.STDOUT,
        )

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def exited(self) -> bool:
        return self.proc is not None and self.proc.returncode is not None

    async def sigkill(self) -> None:
        self.stopping = True
        os.kill(self.pid, signal.SIGKILL)
        assert self.proc is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.proc.wait(), STOP_GRACE)

    async def stop(self) -> None:
        """SIGTERM, then SIGKILL after STOP_GRACE seconds; always closes the log."""
        self.stopping = True
        try:
            if self.proc is not None and self.proc.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    self.proc.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(self.proc.wait(), STOP_GRACE)
                except TimeoutError:
                    with contextlib.suppress(ProcessLookupError):
                        self.proc.kill()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self.proc.wait(), STOP_GRACE)
        finally:
            if self._log is not None:
                self._log.close()
                self._log = None

    def tail(self, lines: int = 20) -> list[str]:
        with contextlib.suppress(OSError):
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
            return text.splitlines()[-lines:]
        return []

    def unexpected_exit(self) -> dict[str, Any] | None:
        """Exit code and log tail if the bot ended by itself (not by our signals)."""
        if not self.exited or self.stopping:
            return None
        assert self.proc is not None
        return {"returncode": self.proc.returncode, "stderr_tail": self.tail()}


def bot_env(base_url: str, database_url: str, limits: Limits, token: str = TOKEN) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in STRIP_ENV}
    env.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=base_url,
        DATABASE_URL=database_url,
        BULK_RATE_PER_SECOND=_num(limits.bulk),
        GLOBAL_RATE_PER_SECOND=_num(limits.global_),
        DISPATCH_INTERVAL_SECONDS=_num(DISPATCH_INTERVAL),
        LOG_LEVEL="WARNING",
        PTB_TIMEDELTA="1",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def log_counts(path: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    with contextlib.suppress(OSError):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            for level in ("WARNING", "ERROR", "CRITICAL"):
                if f" {level} " in line:
                    counts[level.lower()] += 1
    return {"warnings": counts["warning"], "errors": counts["error"] + counts["critical"]}


# --- reading the fake's records ------------------------------------------------------------


class Tally:
    """Daily and /hotline sends recorded by the fake, read incrementally."""

    def __init__(self, fake: FakeTelegram, count: int) -> None:
        self.fake = fake
        self.lo, self.hi = DAILY_START, DAILY_START + count
        self.index = 0
        self.per_chat: Counter[int] = Counter()
        self.daily: list[SentRecord] = []
        self.hotline: list[SentRecord] = []

    def update(self) -> Tally:
        sent = self.fake.sent
        for record in sent[self.index :]:
            chat = record.chat_id
            if record.method != "sendMessage" or not isinstance(chat, int):
                continue
            if self.lo <= chat < self.hi:
                self.daily.append(record)
                self.per_chat[chat] += 1
            elif chat in HOTLINE_CHATS:
                self.hotline.append(record)
        self.index = len(sent)
        return self

    @property
    def distinct(self) -> int:
        return len(self.per_chat)

    @property
    def duplicates(self) -> int:
        return sum(1 for n in self.per_chat.values() if n > 1)


async def wait_until(
    condition: Callable[[], bool], deadline: float, bot: BotProcess | None, tally: Tally | None
) -> str:
    """'done', 'timeout' or 'bot_exited'; checks every POLL seconds until the deadline."""
    while True:
        if tally is not None:
            tally.update()
        if condition():
            return "done"
        if bot is not None and bot.exited:
            return "bot_exited"
        if time.monotonic() >= deadline:
            return "timeout"
        await asyncio.sleep(POLL)


def hotline_update(chat: int, n: int) -> dict[str, Any]:
    user = {"id": chat, "is_bot": False, "first_name": "Bench", "language_code": "en"}
    return {
        "message": {
            "message_id": n + 1,
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private", "first_name": "Bench"},
            "from": user,
            "text": "/hotline",
            "entities": [{"type": "bot_command", "offset": 0, "length": len("/hotline")}],
        }
    }


class Hotlines:
    """Injects /hotline updates and matches replies to them by chat and order."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.injected: list[tuple[int, int, float]] = []  # update_id, chat, injected_at
        self._task: asyncio.Task[None] | None = None

    def inject(self, chat: int) -> None:
        uid = self.fake.inject_update(hotline_update(chat, len(self.injected)))
        self.injected.append((uid, chat, self.fake.injected_at[uid]))

    async def _every(self, interval: float) -> None:
        next_at = time.monotonic()
        while True:
            self.inject(HOTLINE_CHATS[len(self.injected) % len(HOTLINE_CHATS)])
            next_at += interval
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))

    def start(self, interval: float = HOTLINE_EVERY) -> None:
        self._task = asyncio.create_task(self._every(interval), name="hotline-injector")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def latencies(
        self, replies: list[SentRecord], since: float = -math.inf, until: float = math.inf
    ) -> tuple[list[float], int]:
        """Reply latencies (s) of injections made in [since, until], and how many had none."""
        by_chat: dict[int, list[SentRecord]] = {}
        for record in replies:
            by_chat.setdefault(int(record.chat_id or 0), []).append(record)
        seen: Counter[int] = Counter()
        samples: list[float] = []
        unanswered = 0
        for _uid, chat, at in self.injected:
            k = seen[chat]
            seen[chat] += 1
            if not since <= at <= until:
                continue
            chat_replies = by_chat.get(chat, [])
            if k < len(chat_replies):
                samples.append(chat_replies[k].monotonic - at)
            else:
                unanswered += 1
        return samples, unanswered


WEBHOOK_SECRET = "bench-secret-" + "x" * 20
WEBHOOK_PATH = "/telegram"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def webhook_env(port: int) -> dict[str, str]:
    """Webhook mode behind a reverse proxy: Telegram is told the public https address, the
    proxy (here the driver) posts to the instance's own port."""
    return {
        "WEBHOOK_URL": f"https://bench.invalid{WEBHOOK_PATH}",
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
    }


class BalancedHotlines(Hotlines):
    """/hotline updates posted in turn to each webhook instance, as a load balancer would;
    replies are matched by chat and order as for Hotlines. Counts what each instance got."""

    def __init__(self, fake: FakeTelegram, ports: list[int]) -> None:
        super().__init__(fake)
        self.ports = ports
        self.posted: Counter[int] = Counter()  # port -> updates the instance took (200)
        self.refused = 0  # posts that failed or were not answered 200
        self._session: Any = None
        self._update_id = 10_000_000

    async def _post(self, chat: int) -> None:
        port = self.ports[len(self.injected) % len(self.ports)]
        self._update_id += 1
        update = {**hotline_update(chat, len(self.injected)), "update_id": self._update_id}
        self.injected.append((self._update_id, chat, time.monotonic()))
        try:
            async with self._session.post(
                f"http://127.0.0.1:{port}{WEBHOOK_PATH}",
                json=update,
                headers={SECRET_HEADER: WEBHOOK_SECRET},
            ) as response:
                if response.status == 200:
                    self.posted[port] += 1
                else:
                    self.refused += 1
        except (TimeoutError, OSError, aiohttp.ClientError):
            self.refused += 1

    async def _every(self, interval: float) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        try:
            next_at = time.monotonic()
            while True:
                chat = HOTLINE_CHATS[len(self.injected) % len(HOTLINE_CHATS)]
                asyncio.get_running_loop().create_task(self._post(chat))
                next_at += interval
                await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        finally:
            await self._session.close()


# --- the parts -----------------------------------------------------------------------------


class Bench:
    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args, self.tmp = args, tmp
        self.n: int = args.subscribers
        self.limits = Limits(args.scale, args.bulk_rate)
        self.violations = 0
        self.violation_messages: list[str] = []
        self.bot_exits: list[dict[str, Any]] = []

    def db_url(self, name: str) -> str:
        return f"sqlite+aiosqlite:///{self.tmp / name}.sqlite3"

    def timeout(self, count: int) -> float:
        return count / self.limits.bulk * 2 + 30

    async def fake(self) -> FakeTelegram:
        fake = FakeTelegram(rate_per_bot=self.limits.telegram, per_chat_rate=1.0, per_chat_burst=3)
        await fake.start("127.0.0.1", 0)
        return fake

    async def close_fake(self, fake: FakeTelegram) -> dict[str, Any]:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(fake.stop(), 10)
        stats = fake.stats()
        self.violations += stats["spec_violations_total"]
        room = 20 - len(self.violation_messages)
        self.violation_messages += stats["spec_violation_messages"][: max(0, room)]
        return stats

    def note_exit(self, part: str, bot: BotProcess) -> dict[str, Any] | None:
        info = bot.unexpected_exit()
        if info is not None:
            self.bot_exits.append({"part": part, **info})
        return info

    async def fanout(self) -> dict[str, Any]:
        n, limits = self.n, self.limits
        fake = await self.fake()
        out: dict[str, Any] = {}
        try:
            assert fake.base_url is not None
            url = self.db_url("fanout")
            seeded = await seed(url, n, _this_minute(), DAILY_START, "grounding")
            out["seed_s"] = seeded["insert_s"]
            tally = Tally(fake, n)
            hotlines = Hotlines(fake)
            bot = BotProcess(bot_env(fake.base_url, url, limits), self.tmp / "bot-fanout.log")
            try:
                await bot.start()
                deadline = bot.spawned_at + self.timeout(n)
                status = await wait_until(
                    lambda: fake.first_get_updates_at is not None, deadline, bot, tally
                )
                cpu: list[tuple[float, float | None, float]] = []  # wall, bot CPU, our CPU
                if status == "done":
                    hotlines.start()
                    status = await wait_until(lambda: bool(tally.daily), deadline, bot, tally)
                    cpu.append((time.monotonic(), _cpu_s(bot.pid), time.process_time()))
                if status == "done":
                    status = await wait_until(lambda: tally.distinct >= n, deadline, bot, tally)
                    cpu.append((time.monotonic(), _cpu_s(bot.pid), time.process_time()))
                await hotlines.stop()
                done_at = time.monotonic()
                if status == "done":  # outstanding replies, and late duplicates
                    await wait_until(
                        lambda: (
                            len(tally.hotline) >= len(hotlines.injected)
                            and time.monotonic() >= done_at + SETTLE
                        ),
                        done_at + REPLY_WAIT,
                        bot,
                        tally,
                    )
                out["status"] = status
                out["bot_exit"] = self.note_exit("fanout", bot)
                if len(cpu) == 2 and cpu[0][1] is not None and cpu[1][1] is not None:
                    wall = max(cpu[1][0] - cpu[0][0], 1e-9)
                    out["cpu_share_while_sending"] = {  # 1.0 = one core busy all the time
                        "bot": _r((cpu[1][1] - cpu[0][1]) / wall, 2),
                        "bench_and_fake": _r((cpu[1][2] - cpu[0][2]) / wall, 2),
                    }
            finally:
                await hotlines.stop()
                await bot.stop()
            tally.update()
            out["bot_log"] = log_counts(bot.log_path)
        finally:
            stats = await self.close_fake(fake)

        daily = tally.daily
        first = daily[0].monotonic if daily else None
        last = daily[-1].monotonic if daily else None
        span = (last - first) if first is not None and last is not None else 0.0
        rate = (len(daily) - 1) / span if span > 0 else None
        samples, unanswered = (
            hotlines.latencies(tally.hotline, first, last)
            if first is not None and last is not None
            else ([], 0)
        )
        ms = [s * 1000 for s in samples]
        throttled = Counter(_lane(chat) for _, _, chat, _ in fake.throttled)
        out.update(
            subscribers=n,
            daily_sent=len(daily),
            distinct_chats=tally.distinct,
            rate_achieved=_r(rate, 2),
            rate_ratio_to_bulk_limit=_r(rate / limits.bulk if rate else None),
            rate_ratio_to_telegram_limit=_r(rate / limits.telegram if rate else None),
            daily_per_second=_buckets(daily, first),
            retry_after_429s=stats["rate_limited_total"],
            retry_after_429s_by_lane={"daily": throttled["daily"], "hotline": throttled["hotline"]},
            retry_after_429_windows=_windows(fake, first or bot.spawned_at),
            duplicates=tally.duplicates,
            lost=n - tally.distinct,
            duration_s=_r(span),
            startup_s=_r(fake.first_get_updates_at - bot.spawned_at)
            if fake.first_get_updates_at
            else None,
            first_daily_after_spawn_s=_r(first - bot.spawned_at) if first else None,
            hotline_samples=len(samples),
            hotline_unanswered=unanswered,
            hotline_p50_ms=_r(percentile(ms, 50), 1),
            hotline_p99_ms=_r(percentile(ms, 99), 1),
            hotline_max_ms=_r(max(ms), 1) if ms else None,
            hotline_injected_total=len(hotlines.injected),
            hotline_replies_total=len(tally.hotline),
            spec_violations=stats["spec_violations_total"],
        )
        return out

    async def kill_once(self, run: int) -> dict[str, Any]:
        n, limits = self.n, self.limits
        fake = await self.fake()
        out: dict[str, Any] = {"run": run}
        try:
            assert fake.base_url is not None
            url = self.db_url(f"kill{run}")
            await seed(url, n, _this_minute(), DAILY_START, "grounding")
            tally = Tally(fake, n)
            env = bot_env(fake.base_url, url, limits)
            first = BotProcess(env, self.tmp / f"bot-kill{run}-a.log")
            killed_at = math.nan
            try:
                await first.start()
                status = await wait_until(
                    lambda: tally.distinct >= max(1, n // 2),
                    first.spawned_at + self.timeout(n),
                    first,
                    tally,
                )
                exit_info = self.note_exit(f"kill{run}-before", first)
                if status == "done":
                    killed_at = time.monotonic()
                    await first.sigkill()
                    await asyncio.sleep(0.1)  # requests already inside the fake finish
            finally:
                await first.stop()
            tally.update()
            out.update(
                killed=status == "done",
                status_before_kill=status,
                sent_before=len(tally.daily),
                distinct_before=tally.distinct,
            )
            if exit_info:
                out["bot_exit"] = exit_info
            if status != "done":
                out["bot_log"] = log_counts(first.log_path)
                return out
            second = BotProcess(env, self.tmp / f"bot-kill{run}-b.log")
            try:
                await second.start()
                remaining = n - tally.distinct
                deadline = second.spawned_at + self.timeout(remaining)
                status = await wait_until(lambda: tally.distinct >= n, deadline, second, tally)
                if status == "done":
                    settle = time.monotonic() + SETTLE
                    await wait_until(lambda: time.monotonic() >= settle, settle, second, tally)
                out["status_after_restart"] = status
                exit_info = self.note_exit(f"kill{run}-restart", second)
                if exit_info:
                    out["bot_exit"] = exit_info
            finally:
                await second.stop()
            tally.update()
            polled = [t for t in fake.get_updates_times if t >= second.spawned_at]
            log = second.log_path.read_text(encoding="utf-8", errors="replace")
            match = re.search(r"outbox: (\d+) messages were mid-send", log)
            firsts: dict[int, float] = {}
            for record in tally.daily:
                firsts.setdefault(int(record.chat_id or 0), record.monotonic)
            ages = [
                (killed_at - firsts[chat]) * 1000 for chat, k in tally.per_chat.items() if k > 1
            ]
            out.update(
                requeued_on_restart=int(match[1]) if match else 0,
                duplicates_first_sent_ms_before_kill=[_r(min(ages), 1), _r(max(ages), 1)]
                if ages
                else None,
                restart_s=_r(polled[0] - second.spawned_at) if polled else None,
                lost=n - tally.distinct,
                duplicates=tally.duplicates,
                daily_sent=len(tally.daily),
                bot_log={
                    "before": log_counts(first.log_path),
                    "restart": log_counts(second.log_path),
                },
            )
        finally:
            stats = await self.close_fake(fake)
            out["retry_after_429s"] = stats["rate_limited_total"]
        return out

    async def kill(self) -> dict[str, Any]:
        # A killed bot drops its connections mid-request; aiohttp would log a traceback each.
        quiet = _DropConnectionLost()
        logging.getLogger("aiohttp.server").addFilter(quiet)
        try:
            runs = [await self.kill_once(run) for run in range(1, KILL_RUNS + 1)]
        finally:
            logging.getLogger("aiohttp.server").removeFilter(quiet)

        def column(key: str) -> list[Any]:
            return [r.get(key) for r in runs]

        def worst(key: str) -> int | None:
            values = [v for v in column(key) if isinstance(v, int)]
            return max(values) if values else None

        return {
            "kill_lost": column("lost"),
            "kill_lost_max": worst("lost"),
            "kill_duplicates": column("duplicates"),
            "kill_duplicates_max": worst("duplicates"),
            "kill_sent_before": column("sent_before"),
            "kill_requeued_on_restart": column("requeued_on_restart"),
            "kill_retry_after_429s": column("retry_after_429s"),
            "runs": runs,
        }

    async def takeover_once(self, run: int) -> dict[str, Any]:
        n, limits, url = self.n, self.limits, self.args.postgres
        fake = await self.fake()
        out: dict[str, Any] = {"run": run}
        try:
            assert fake.base_url is not None
            await _postgres(url, DROP_TABLES)
            await seed(url, n, _this_minute(), DAILY_START, "grounding")
            tally = Tally(fake, n)
            # INFO: the logs then say when each instance took the role (and nothing private).
            a_env = {**bot_env(fake.base_url, url, limits), "LOG_LEVEL": "INFO"}
            b_env = {**bot_env(fake.base_url, url, limits, TOKEN_B), "LOG_LEVEL": "INFO"}
            command, balancer = "run", None
            if self.args.webhook:  # two webhook instances behind one load balancer
                command, ports = "webhook", [free_port(), free_port()]
                a_env.update(webhook_env(ports[0]))
                b_env.update(webhook_env(ports[1]))
                balancer = BalancedHotlines(fake, ports)
            a = BotProcess(a_env, self.tmp / f"bot-take{run}-a.log", command)
            b = BotProcess(b_env, self.tmp / f"bot-take{run}-b.log", command)
            killed_at, cut_wall, pid = math.nan, math.inf, None
            try:
                await a.start()
                deadline = a.spawned_at + self.timeout(n)
                status = await wait_until(lambda: bool(tally.daily), deadline, a, tally)
                if status == "done":
                    await b.start()
                    settle_b = time.monotonic() + SECOND_UP
                    await wait_until(lambda: time.monotonic() >= settle_b, settle_b, b, tally)
                    if balancer is not None:
                        balancer.start()
                    status = await wait_until(lambda: tally.distinct >= n // 2, deadline, a, tally)
                if status == "done":
                    pid = await _postgres(url, LOCK_HOLDER, DISPATCHER_LOCK_KEY)
                    killed_at, cut_wall = time.monotonic(), time.time()
                    await _postgres(url, "SELECT pg_terminate_backend($1)", pid)
                    status = await wait_until(lambda: tally.distinct >= n, deadline + 30, b, tally)
                if status == "done":
                    settle = time.monotonic() + SETTLE
                    await wait_until(lambda: time.monotonic() >= settle, settle, b, tally)
                if balancer is not None:
                    await balancer.stop()
                    last = len(balancer.injected)
                    done = time.monotonic() + REPLY_WAIT
                    await wait_until(lambda: len(tally.hotline) >= last, done, None, tally)
                out["status"] = status
                for name, bot in (("a", a), ("b", b)):
                    exit_info = self.note_exit(f"takeover{run}-{name}", bot)
                    if exit_info:
                        out[f"bot_exit_{name}"] = exit_info
            finally:
                await a.stop()
                await b.stop()
            tally.update()
            first = TOKEN.split(":")[0]
            b_log = b.log_path.read_text(encoding="utf-8", errors="replace")
            a_log = a.log_path.read_text(encoding="utf-8", errors="replace")
            match = re.search(r"outbox: (\d+) messages were mid-send", b_log)
            # The first instance may take the role again later (a new epoch): count only what
            # it sent after the cut as the old holder, before it took the role again.
            retaken = [t for t in _role_taken_at(a_log) if t > cut_wall]
            until = min(retaken, default=math.inf)
            a_after = [
                r.monotonic - killed_at
                for r in tally.daily
                if r.bot == first and r.monotonic > killed_at and r.wall < until
            ]
            out.update(
                terminated_pid=pid,
                lost=n - tally.distinct,
                duplicates=tally.duplicates,
                daily_sent=len(tally.daily),
                sent_by_first=sum(1 for r in tally.daily if r.bot == first),
                sent_by_second=sum(1 for r in tally.daily if r.bot != first),
                first_sent_after_cut=len(a_after),
                first_last_send_after_cut_s=_r(max(a_after)) if a_after else None,
                first_noticed="lost the sending role" in a_log,
                first_took_role_again=bool(retaken),
                second_took_role="sending role taken" in b_log,
                requeued_by_second=int(match[1]) if match else 0,
                **(self._balanced(balancer, tally, first, killed_at) if balancer else {}),
                bot_log={  # at INFO; the warnings include the role changes
                    "first": log_counts(a.log_path),
                    "second": log_counts(b.log_path),
                },
            )
        finally:
            stats = await self.close_fake(fake)
            out["retry_after_429s"] = stats["rate_limited_total"]
            out["retry_after_429s_by_lane"] = dict(
                Counter(_lane(c) for _, _, c, _ in fake.throttled)
            )
            first_sent = min((r.monotonic for r in fake.sent), default=0.0)
            out["retry_after_429_windows"] = _windows(fake, first_sent, limit=8)
            out["cut_at_s"] = _r(killed_at - first_sent) if not math.isnan(killed_at) else None
        return out

    @staticmethod
    def _balanced(
        balancer: BalancedHotlines, tally: Tally, first: str, killed_at: float
    ) -> dict[str, Any]:
        """Webhook mode: /hotline answered through each instance, before and after the cut."""
        samples, unanswered = balancer.latencies(tally.hotline)
        after, _ = balancer.latencies(tally.hotline, since=killed_at)
        ms = sorted(x * 1000 for x in samples)
        by_bot = Counter("first" if r.bot == first else "second" for r in tally.hotline)
        return {
            "hotline_posted": len(balancer.injected),
            "hotline_taken_by_instance": list(balancer.posted.values()),
            "hotline_refused_posts": balancer.refused,
            "hotline_unanswered": unanswered,
            "hotline_replies_by_instance": dict(by_bot),
            "hotline_p50_ms": _r(percentile(ms, 50), 1),
            "hotline_p99_ms": _r(percentile(ms, 99), 1),
            "hotline_after_cut_answered": len(after),
        }

    async def takeover(self) -> dict[str, Any]:
        quiet = _DropConnectionLost()
        logging.getLogger("aiohttp.server").addFilter(quiet)
        try:
            count = self.args.takeover_runs
            runs = [await self.takeover_once(run) for run in range(1, count + 1)]
        finally:
            logging.getLogger("aiohttp.server").removeFilter(quiet)

        def column(key: str) -> list[Any]:
            return [r.get(key) for r in runs]

        return {
            "takeover_lost": column("lost"),
            "takeover_duplicates": column("duplicates"),
            "takeover_old_holder_sent_after_cut": column("first_sent_after_cut"),
            "takeover_second_took_role": column("second_took_role"),
            "takeover_old_holder_last_send_after_cut_s": column("first_last_send_after_cut_s"),
            "takeover_requeued_by_second": column("requeued_by_second"),
            "takeover_retry_after_429s": column("retry_after_429s"),
            "takeover_mode": "webhook" if self.args.webhook else "polling",
            "takeover_hotline_unanswered": column("hotline_unanswered"),
            "takeover_hotline_p99_ms": column("hotline_p99_ms"),
            "runs": runs,
        }

    async def big(self) -> dict[str, Any]:
        count = self.args.big
        fake = await self.fake()
        out: dict[str, Any] = {"subscribers": count}
        try:
            assert fake.base_url is not None
            url = self.db_url("big")
            started = time.perf_counter()
            tomorrow = _this_minute() + timedelta(days=1)
            seeded = await seed(url, count, tomorrow, DAILY_START, "grounding")
            out.update(
                seed_s=_r(time.perf_counter() - started),
                seed_insert_s=seeded["insert_s"],
                seed_rows_per_s=seeded["rows_per_s"],
                due_utc=seeded["due_utc"],
            )
            tally = Tally(fake, count)
            hotlines = Hotlines(fake)
            bot = BotProcess(bot_env(fake.base_url, url, self.limits), self.tmp / "bot-big.log")
            try:
                await bot.start()
                status = await wait_until(
                    lambda: fake.first_get_updates_at is not None, bot.spawned_at + 120, bot, None
                )
                if status == "done" and fake.first_get_updates_at is not None:
                    up = fake.first_get_updates_at
                    out["startup_s"] = _r(up - bot.spawned_at)
                    hotlines.inject(HOTLINE_CHATS[0])
                    status = await wait_until(
                        lambda: len(tally.hotline) >= 1, time.monotonic() + 30, bot, tally
                    )
                    samples, _ = hotlines.latencies(tally.hotline)
                    out["hotline_ms"] = _r(samples[0] * 1000, 1) if samples else None
                    idle = up + BIG_IDLE
                    await wait_until(lambda: time.monotonic() >= idle, idle + 1, bot, tally)
                    if not bot.exited:
                        out.update(_memory(bot.pid))
                        out["measured_after_spawn_s"] = _r(time.monotonic() - bot.spawned_at)
                out["status"] = status
                out["bot_exit"] = self.note_exit("big", bot)
            finally:
                await bot.stop()
            tally.update()
            out["daily_sent"] = len(tally.daily)  # 0 expected: nothing is due before tomorrow
            out["bot_log"] = log_counts(bot.log_path)
        finally:
            stats = await self.close_fake(fake)
            out["spec_violations"] = stats["spec_violations_total"]
        return out


async def _postgres(url: str, query: str, *args: Any) -> Any:
    """One statement on PostgreSQL through asyncpg; its first value."""
    import asyncpg  # type: ignore[import-untyped]

    connection = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        if not args and ";" in query:  # several statements, no result
            return await connection.execute(query)
        return await connection.fetchval(query, *args)
    finally:
        await connection.close()


class _DropConnectionLost(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, ConnectionResetError)


def _buckets(records: list[SentRecord], origin: float | None, limit: int = 120) -> list[int]:
    """Sends per whole second after `origin` (the first daily send); at most `limit` seconds."""
    if origin is None:
        return []
    counts = Counter(int(r.monotonic - origin) for r in records)
    return [counts[k] for k in range(min(limit, max(counts) + 1))]


def _lane(chat: object) -> str:
    return "hotline" if chat in HOTLINE_CHATS else "daily"


def _windows(fake: FakeTelegram, origin: float, limit: int = 5) -> list[dict[str, Any]]:
    """For the first 429s: when (s after the first daily send), which lane, and the sends the
    fake had accepted in the second before it, by lane (the per-bot window is 1 s)."""
    out = []
    for at, _method, chat, retry in fake.throttled[:limit]:
        window = Counter(_lane(r.chat_id) for r in fake.sent if at - 1.0 < r.monotonic <= at)
        out.append(
            {
                "at_s": _r(at - origin),
                "lane": _lane(chat),
                "retry_after": retry,
                "accepted_in_prev_1s": {"daily": window["daily"], "hotline": window["hotline"]},
            }
        )
    return out


def _role_taken_at(log_text: str) -> list[float]:
    """Wall-clock times of "sending role taken" in a bot's log."""
    found = []
    for line in log_text.splitlines():
        if "sending role taken" in line:
            with contextlib.suppress(ValueError):  # logging's asctime is local time
                seconds = time.mktime(time.strptime(line[:19], "%Y-%m-%d %H:%M:%S"))
                found.append(seconds + int(line[20:23]) / 1000)
    return found


def _hide_password(url: str | None) -> str | None:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url) if url else None


def _this_minute() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)


def _memory(pid: int) -> dict[str, float]:
    """VmHWM (peak) and VmRSS (now) of a process, in MB."""
    found: dict[str, float] = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                found[key] = int(value.split()[0]) / 1024  # kB
    return {
        "peak_rss_mb": round(found.get("VmHWM", 0.0), 1),
        "rss_mb": round(found.get("VmRSS", 0.0), 1),
    }


async def run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    bench = Bench(args, tmp)
    result: dict[str, Any] = {
        "config": {
            "subscribers": args.subscribers,
            "scale": args.scale,
            **bench.limits.as_dict(),
            "hotline_every_ms": HOTLINE_EVERY * 1000,
            "hotline_chats": list(HOTLINE_CHATS),
            "daily_chats": [DAILY_START, DAILY_START + args.subscribers - 1],
            "kill_runs": 0 if args.skip_kill else KILL_RUNS,
            "big": None if args.skip_big else args.big,
            "database": "sqlite+aiosqlite (temporary file)",
            "takeover_database": _hide_password(args.postgres),
            "takeover_mode": "webhook" if args.webhook else "polling",
            "python": sys.version.split()[0],
        }
    }
    started = time.monotonic()
    if not args.skip_fanout:
        result["fanout"] = await bench.fanout()
    if args.postgres:
        result["takeover"] = await bench.takeover()
    if not args.skip_kill:
        result["kill"] = await bench.kill()
    if not args.skip_big:
        result["big"] = await bench.big()
    result["spec_violations"] = bench.violations
    result["spec_violation_messages"] = bench.violation_messages
    result["bot_exits"] = bench.bot_exits
    result["total_s"] = _r(time.monotonic() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--subscribers", type=int, default=600, help="N for fan-out and kill")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiplies the rate limits: 25*scale bulk, 30*scale Telegram",
    )
    parser.add_argument("--big", type=int, default=100_000, help="subscribers for start-up/RSS")
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-fanout", action="store_true")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="run the takeover part on this PostgreSQL database (its tables are dropped)",
    )
    parser.add_argument("--takeover-runs", type=int, default=TAKEOVER_RUNS, metavar="K")
    parser.add_argument(
        "--bulk-rate",
        type=float,
        metavar="R",
        help=f"the bot's BULK_RATE_PER_SECOND before --scale (default {BULK:g})",
    )
    parser.add_argument(
        "--webhook",
        action="store_true",
        help="takeover with two webhook instances behind a load balancer (the driver), which "
        "posts a /hotline to each in turn every 250 ms",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, DBs)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "result.json")
    args = parser.parse_args(argv)
    if args.subscribers < 1 or args.big < 1:
        parser.error("--subscribers and --big must be at least 1")
    if not 0 < args.scale <= 100:
        parser.error("--scale must be in (0, 100]")

    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
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
    if result["spec_violations"]:
        print(f"bench: {result['spec_violations']} spec violations:", file=sys.stderr)
        for message in result["spec_violation_messages"]:
            print(f"  {message}", file=sys.stderr)
    for exit_info in result["bot_exits"]:
        print(f"bench: the bot exited unexpectedly in {exit_info['part']}:", file=sys.stderr)
        for line in exit_info["stderr_tail"]:
            print(f"  {line}", file=sys.stderr)
    return 1 if trouble else 0


if __name__ == "__main__":
    sys.exit(main())
