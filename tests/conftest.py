"""Shared fixtures: the real Application on a real database, with Telegram and the clock faked."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22: retry_after as timedelta, no warning

from bot.app import CONSOLE_TOKEN, build_application, start_services, stop_services
from bot.callbacks import CallbackData, DailyNew
from bot.config import Settings
from bot.console import LocalChat, LocalTelegram, Sent
from bot.content import Content, load_content
from bot.domain import Kind
from bot.privacy.wiring import local_chat
from bot.scheduling.clock import FakeClock

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


# --- privacy: the PostgreSQL tests' key file lives here for the session, then goes ---
KEY_DIR = Path(tempfile.gettempdir()) / f"trauma-bond-bot-tests-{os.getpid()}"


@pytest.fixture(scope="session", autouse=True)
def _remove_test_keys() -> Iterator[None]:
    yield
    shutil.rmtree(KEY_DIR, ignore_errors=True)


# --- end privacy ---


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC))


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"


async def _postgres_available() -> str | None:
    import asyncpg  # type: ignore[import-untyped]

    try:
        connection = await asyncpg.connect(POSTGRES_URL.replace("+asyncpg", ""), timeout=3)
    except (OSError, asyncpg.PostgresError) as exc:
        return f"PostgreSQL not reachable at {POSTGRES_URL}: {exc}"
    await connection.close()
    return None


async def reset_postgres() -> None:
    import asyncpg

    connection = await asyncpg.connect(POSTGRES_URL.replace("+asyncpg", ""))
    try:
        await connection.execute(
            "DROP TABLE IF EXISTS outbox, subscriptions, no_contact, users, alembic_version CASCADE"
        )
        # --- privacy (0004) ---
        await connection.execute(
            "DROP TABLE IF EXISTS message_log, journal_entries, safety_plan_sections CASCADE"
        )
        # --- end privacy ---
        # checkins branch
        await connection.execute(
            "DROP TABLE IF EXISTS checkins, checkin_schedules, triggers, reasons, contact_log "
            "CASCADE"
        )
    finally:
        await connection.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Database tests run on SQLite and on the real PostgreSQL server."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    reason = await _postgres_available()
    if reason:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    await reset_postgres()
    return POSTGRES_URL


def buttons(sent: Sent) -> list[str]:
    """The callback data of a sent message's buttons, flattened."""
    return [data for row in sent.buttons for _, data in row]


class Harness:
    """A running Application with a local Telegram and a fake clock."""

    def __init__(self, app: Any, transport: LocalTelegram, clock: FakeClock) -> None:
        self.app = app
        self.transport = transport
        self.clock = clock
        self.chat = LocalChat(app, transport)

    @property
    def services(self) -> Any:
        return self.app.bot_data["services"]

    async def send(self, text: str, user: int = 1) -> list[Sent]:
        return await self.chat.send(user, text)

    async def press(self, data: CallbackData | str, user: int = 1) -> list[Sent]:
        """Press the button with this data on the newest message that shows it."""
        packed = data.pack() if isinstance(data, CallbackData) else data
        return await self.chat.press(user, packed)

    async def subscribe(
        self, kind: str = "g", typed_time: str = "20:15", zone: str = "London", user: int = 1
    ) -> list[Any]:
        """Subscribe through /daily as a person would, typing the time and the zone."""
        await self.send("/daily", user)
        await self.press(DailyNew(Kind.GROUNDING if kind == "g" else Kind.ENCOURAGEMENT), user)
        await self.send(typed_time, user)
        return await self.send(zone, user)

    async def deliver(self) -> list[Any]:
        """Run the scheduler once; what it sent."""
        before = len(self.transport.sent)
        await self.tick()
        return self.transport.sent[before:]

    async def tick(self) -> int:
        """Run the dispatcher once and drain the outbox, as the scheduler would."""
        queued = await self.services.dispatcher.tick()
        await self.services.sender.drain()
        return int(queued)


async def make_harness(url: str, clock: FakeClock, **settings: Any) -> Harness:
    transport = LocalTelegram()
    # --- privacy: as the terminal chat, a key file is made on first use, next to the SQLite
    # file (so a restarted harness finds it), or in one folder per test run for PostgreSQL ---
    if "encryption_keys" not in settings and "encryption_key_file" not in settings:
        folder = Path(url.split(":///", 1)[1]).parent if url.startswith("sqlite") else KEY_DIR
        settings["encryption_key_file"] = folder / "data" / "secret.key"
    # --- end privacy ---
    app = build_application(
        Settings(database_url=url, _env_file=None, **settings),  # type: ignore[call-arg]
        token=CONSOLE_TOKEN,
        request=transport,
        clock=clock,
    )
    local_chat(app)  # privacy: a key file, and flood control off (tests/privacy turn it on)
    await app.initialize()
    # The dispatcher and sender are driven by hand in tests (Harness.tick), not by the clock.
    await start_services(app, background=False)
    return Harness(app, transport, clock)


@pytest.fixture
async def harness(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Harness]:
    h = await make_harness(sqlite_url(tmp_path), clock)
    yield h
    await stop_services(h.app)
    await h.app.shutdown()


@pytest.fixture
async def db_harness(database_url: str, clock: FakeClock) -> AsyncIterator[Harness]:
    """The harness on each database backend."""
    h = await make_harness(database_url, clock)
    yield h
    await stop_services(h.app)
    await h.app.shutdown()
