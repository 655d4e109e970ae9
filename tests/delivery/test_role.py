"""One instance sends; a holder that loses the lock stops; the next one knows what was mid-send."""

from __future__ import annotations

import asyncio
import time as clock_time
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from telegram.request import RequestData

from bot.app import CONSOLE_TOKEN, build_application, start_services, stop_services
from bot.config import Settings
from bot.console import LocalTelegram
from bot.content import Content
from bot.context import services_of
from bot.db import Repo, make_engine, migrate
from bot.db.outbox import DISPATCHER_LOCK_KEY
from bot.delivery.limiter import Limits
from bot.delivery.role import HEARTBEAT, LEASE, TAKEOVER_WAIT, SendingRole
from bot.scheduling.clock import FakeClock, Timer
from bot.scheduling.dispatcher import plan

NOW = datetime(2026, 11, 21, 13, 0, tzinfo=UTC)


async def new_repo(url: str) -> Repo:
    engine = make_engine(Settings(database_url=url, _env_file=None))  # type: ignore[call-arg]
    await migrate(engine)
    return Repo(engine)


async def queue_one(repo: Repo, content: Content) -> None:
    await repo.ensure_user(1, NOW)
    await repo.save_subscription(1, "grounding", time(13).isoformat("minutes"), "UTC", NOW)
    grace = Settings(_env_file=None).grace  # type: ignore[call-arg]
    await repo.enqueue_due(NOW, lambda s, n: plan(s, n, NOW, content, grace))


async def terminate_lock_holder(url: str) -> int:
    """pg_terminate_backend on the session holding the sending lock; its pid."""
    import asyncpg  # type: ignore[import-untyped]

    connection = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        pid = await connection.fetchval(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            DISPATCHER_LOCK_KEY,
        )
        assert pid is not None, "nobody holds the sending lock"
        assert await connection.fetchval("SELECT pg_terminate_backend($1)", pid)
        return int(pid)
    finally:
        await connection.close()


async def test_takeover_recovers_what_was_mid_send(
    database_url: str, content: Content, clock: FakeClock
) -> None:
    first = await new_repo(database_url)
    await queue_one(first, content)
    first_role = SendingRole(first, clock)
    assert await first_role.acquire()
    claimed = await first.claim_pending(10, first_role.epoch, NOW)
    assert claimed is not None and len(claimed) == 1  # then this instance dies mid-send
    if database_url.startswith("postgresql"):
        second = await new_repo(database_url)
        second_role = SendingRole(second, clock)
        assert not await second_role.acquire()  # the first still holds the role
        await first.close()  # its connection goes, and with it the advisory lock
        assert await second_role.acquire()
        assert second_role.epoch > first_role.epoch
        # Left alone while the previous holder may still be finishing its last send...
        assert await second.outbox_counts() == {"sending": 1}
        clock.advance(TAKEOVER_WAIT)
        assert await second_role.acquire()
        # ...then known to have been mid-send, and sent again.
        assert await second.outbox_counts() == {"pending": 1}
        await second.close()
    else:
        await first.close()
        restarted = await new_repo(database_url)
        assert await SendingRole(restarted, clock).acquire()  # one process: at once
        assert await restarted.outbox_counts() == {"pending": 1}
        await restarted.close()


@pytest.mark.postgres
async def test_a_lost_lock_stops_sending_at_once(database_url: str, clock: FakeClock) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the lock is PostgreSQL's")
    repo = await new_repo(database_url)
    role = SendingRole(repo, clock)
    lost: list[bool] = []
    role.on_lost.append(lambda: lost.append(True))
    try:
        assert await role.acquire()
        assert role.may_send()
        await terminate_lock_holder(database_url)
        clock.advance(HEARTBEAT)
        assert not await role.acquire()  # the next check sees the lock connection gone
        assert not role.may_send()
        assert lost == [True]
        other = SendingRole(await new_repo(database_url), clock)
        assert await other.acquire()
        assert other.epoch > role.epoch
        assert await repo.claim_pending(10, role.epoch, NOW) is None  # stale: refused
        await other.repo.close()
    finally:
        await repo.close()


@pytest.mark.postgres
async def test_the_lease_runs_out_when_checks_stop(database_url: str, clock: FakeClock) -> None:
    """A holder whose checks hang (a network split) stops sending after LEASE anyway."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the lease matters when several instances share the database")
    repo = await new_repo(database_url)
    role = SendingRole(repo, clock)
    try:
        assert await role.acquire()
        clock.advance(LEASE * 0.9)
        assert role.may_send()
        clock.advance(LEASE * 0.2)
        assert role.held and not role.may_send()
        assert await role.acquire()  # a check that answers renews it
        assert role.may_send()
    finally:
        await repo.close()


class FastClock:
    """The system's time running `speed` times faster. Two instances share a real PostgreSQL
    server here, so a FakeClock would have to guess when the database has answered; instead
    every wait on the clock (the role's heartbeat and lease, the takeover wait, bulk pacing)
    passes `speed` times sooner, while the database keeps its own pace."""

    def __init__(self, speed: float) -> None:
        self.speed = speed
        self._start = clock_time.monotonic()
        self._start_now = datetime.now(UTC)

    def _elapsed(self) -> float:
        return (clock_time.monotonic() - self._start) * self.speed

    def now(self) -> datetime:
        return self._start_now + timedelta(seconds=self._elapsed())

    def monotonic(self) -> float:
        return self._start + self._elapsed()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds / self.speed)

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Timer:
        return asyncio.get_running_loop().call_later(max(0.0, seconds) / self.speed, callback)


class Recording(LocalTelegram):
    """A local Telegram that also notes (instance, chat, time) for every daily message."""

    def __init__(self, name: str, log: list[tuple[str, int, float]], clock: FastClock) -> None:
        super().__init__()
        self.name, self.log, self.clock = name, log, clock
        self.after_send: Any = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        status, body = await super().do_request(url, method, request_data, *args, **kwargs)
        if url.endswith("/sendMessage") and status == 200 and request_data is not None:
            chat = int(request_data.parameters["chat_id"])  # type: ignore[call-overload]
            self.log.append((self.name, chat, self.clock.monotonic()))
            if self.after_send is not None:
                self.after_send()
        return status, body


async def instance(url: str, transport: LocalTelegram, clock: FastClock) -> Any:
    limits = Limits(global_rate=40, bulk_rate=30, per_chat_burst=0)  # 60 messages: 2 s
    settings = Settings(database_url=url, _env_file=None)  # type: ignore[call-arg]
    app = build_application(
        settings, token=CONSOLE_TOKEN, request=transport, clock=clock, limits=limits
    )
    await app.initialize()
    await start_services(app, background=False)
    app.bot_data["services"].role.start()  # the lock checks run as in production
    return app


@pytest.mark.postgres
async def test_lock_holders_backend_terminated_mid_fanout(database_url: str) -> None:
    """The way it failed: the holder's session is cut while its process lives on. (Both
    instances run on a clock ten times faster than the system's: seconds below are its.)"""
    if not database_url.startswith("postgresql"):
        pytest.skip("two instances share PostgreSQL")
    clock = FastClock(speed=10)
    log: list[tuple[str, int, float]] = []
    a_transport, b_transport = Recording("a", log, clock), Recording("b", log, clock)
    a = await instance(database_url, a_transport, clock)
    b = await instance(database_url, b_transport, clock)
    kill: dict[str, Any] = {}
    try:
        assert a.bot_data["services"].role.held and not b.bot_data["services"].role.held
        repo = a.bot_data["services"].repo
        due = clock.now().replace(second=0, microsecond=0) - timedelta(minutes=1)
        chats = range(100, 160)
        for chat in chats:
            await repo.ensure_user(chat, due)
            await repo.save_subscription(chat, "grounding", f"{due:%H:%M}", "UTC", due)
        assert await services_of(a).dispatcher.tick() == len(chats)

        async def cut() -> None:
            await terminate_lock_holder(database_url)
            # From the moment the session is gone: on the faster clock the few milliseconds
            # of connecting to kill it are no longer negligible.
            kill["at"] = clock.monotonic()

        def after_send() -> None:
            if len(log) == 20 and not kill:
                kill["task"] = asyncio.create_task(cut())

        a_transport.after_send = after_send
        a_drain = asyncio.create_task(services_of(a).sender.drain())

        async def b_ticks() -> None:  # what b's dispatcher job and sender loop do
            while len({chat for _, chat, _ in log}) < len(chats):
                if await b.bot_data["services"].role.acquire():
                    await services_of(b).sender.drain()
                await clock.sleep(0.1)

        await asyncio.wait_for(b_ticks(), 20)
        await asyncio.wait_for(a_drain, 5)
        await kill["task"]
        await clock.sleep(0.3)  # late copies, if any, would show now
    finally:
        for app in (a, b):
            await stop_services(app)
            await app.shutdown()
    sent = [chat for _, chat, _ in log]
    assert set(sent) == set(chats)  # nothing lost
    assert len(sent) - len(set(sent)) <= 1  # at most one copy
    a_after = [t - kill["at"] for name, _, t in log if name == "a" and t > kill["at"]]
    assert max(a_after, default=0.0) < 1.0  # the old holder stopped within a second
    assert any(name == "b" for name, _, _ in log)  # and the new one finished the job
