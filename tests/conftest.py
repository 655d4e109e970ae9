"""Shared fixtures: the real Application on a real database, with Telegram and the clock faked."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22: retry_after as timedelta, no warning
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Under pytest-xdist the workers already use every core: a BLAS thread pool per worker
    # (the classifier retraining in tests/safety) would only spin against the other workers.
    for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_threads, "1")

# The bot is imported where it is used: pytest-xdist's controller loads this file too, and
# importing the bot there (about 1.5 s, mostly compiling the crisis patterns) only delays
# the start of the workers, which import it anyway.
if TYPE_CHECKING:
    from bot.callbacks import CallbackData
    from bot.console import LocalTelegram, Sent
    from bot.content import Content
    from bot.scheduling.clock import FakeClock


def _per_worker(url: str) -> str:
    """Under pytest-xdist each worker has its own database, named after TEST_POSTGRES_URL's
    (`test` -> `test_gw0`), made on first use, so workers never see each other's rows."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


BASE_POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
POSTGRES_URL = _per_worker(BASE_POSTGRES_URL)

# The longest tests (a second or more each, where most take milliseconds) go first, so that
# under pytest-xdist (--dist worksteal, pyproject.toml) they run early, while the other worker
# works through its half, rather than one of them ending the run. (Not the timing test in tests/safety/test_detector.py: beside the processes that
# the first ones start, it would time them too.)
SLOW_FIRST = (
    "tests/test_cli.py::test_a_second_poller_gets_one_line_and_stops",  # a process of its own
    "tests/safety/test_detector.py::test_anchors_cover_every_possible_match",
    "tests/test_cli.py::test_scripted_chat_shows_replies_in_order",  # a process of its own
    "tests/safety/test_semantic_build.py",
    "tests/safety/test_crisis.py::test_semantic_layer_loads_without_network",  # a process
    "tests/privacy/test_residue.py",
    "tests/privacy/test_logs.py::test_debug_log_holds_no_update_content",
    "tests/test_checkins_cli.py",
    "tests/checkins/test_chart.py",  # the first one imports matplotlib
    "tests/bench/test_fake_telegram.py::test_injected_update_and_long_poll",
    "tests/test_matching.py::test_examples_land_on_their_own_topic",
    "tests/delivery/test_role.py::test_lock_holders_backend_terminated_mid_fanout",
    "tests/handlers/test_hide.py::test_a_flood_is_deleted_in_batches_of_100",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        return next(
            (i for i, prefix in enumerate(SLOW_FIRST) if item.nodeid.startswith(prefix)),
            len(SLOW_FIRST),
        )

    items.sort(key=rank)  # stable: otherwise the order of collection


# --- privacy: the PostgreSQL tests' key file lives here for the session, then goes ---
KEY_DIR = Path(tempfile.gettempdir()) / f"trauma-bond-bot-tests-{os.getpid()}"


@pytest.fixture(scope="session", autouse=True)
def _remove_test_keys() -> Iterator[None]:
    yield
    shutil.rmtree(KEY_DIR, ignore_errors=True)


# --- end privacy ---


@functools.cache
def shared_content() -> Content:
    """messages/ loaded and checked once per process (frozen): every harness shares it."""
    from bot.content import load_content

    return load_content()


@pytest.fixture(scope="session")
def content() -> Content:
    return shared_content()


@pytest.fixture
def clock() -> FakeClock:
    from bot.scheduling.clock import FakeClock

    return FakeClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC))


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"


# A SQLite database migrated to head once per process; each harness on a new file in an
# existing folder starts from a copy instead of running every migration again. (A file in a
# folder that does not exist yet is left to the bot, which makes both private.)
_sqlite_template: bytes | None = None


async def _migrated_sqlite() -> bytes:
    global _sqlite_template
    if _sqlite_template is None:
        from bot.config import Settings
        from bot.db import make_engine, migrate

        folder = Path(tempfile.mkdtemp(prefix="trauma-bond-bot-template-"))
        try:
            path = folder / "template.sqlite3"
            url = f"sqlite+aiosqlite:///{path}"
            engine = make_engine(Settings(database_url=url, _env_file=None))  # type: ignore[call-arg]
            try:
                await migrate(engine)
            finally:
                await engine.dispose()
            # The last connection closed checkpointed the WAL into the file.
            leftover = path.with_name(path.name + "-wal")
            assert not leftover.exists() or leftover.stat().st_size == 0
            _sqlite_template = path.read_bytes()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _sqlite_template


async def _start_from_template(url: str) -> None:
    template = await _migrated_sqlite()
    _write_new(Path(url.split(":///", 1)[1]), template)


def _write_new(path: Path, data: bytes) -> None:
    """The file with these bytes, 0600, if it does not exist yet and its folder does."""
    if path.exists() or not path.parent.is_dir():
        return
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


_postgres_reason: str | None = None
_postgres_checked = False


async def _postgres_available() -> str | None:
    """None if this worker's database answers (made on first use); else why not. Asked once."""
    global _postgres_checked, _postgres_reason
    if not _postgres_checked:
        _postgres_reason = await _connect_or_create()
        _postgres_checked = True
    return _postgres_reason


async def _connect_or_create() -> str | None:
    import asyncpg  # type: ignore[import-untyped]

    try:
        try:
            connection = await asyncpg.connect(_dsn(POSTGRES_URL), timeout=3)
        except asyncpg.InvalidCatalogNameError:
            if POSTGRES_URL == BASE_POSTGRES_URL:
                raise
            base = await asyncpg.connect(_dsn(BASE_POSTGRES_URL), timeout=3)
            try:
                from sqlalchemy.engine import make_url

                name = make_url(POSTGRES_URL).database
                await base.execute(f'CREATE DATABASE "{name}"')
            finally:
                await base.close()
            connection = await asyncpg.connect(_dsn(POSTGRES_URL), timeout=3)
    except (OSError, asyncpg.PostgresError) as exc:
        return f"PostgreSQL not reachable at {POSTGRES_URL}: {exc}"
    await connection.close()
    return None


def _dsn(url: str) -> str:
    return url.replace("+asyncpg", "")


async def reset_postgres() -> None:
    """A truly empty database: every table the migrations make is dropped."""
    import asyncpg

    connection = await asyncpg.connect(_dsn(POSTGRES_URL))
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


@functools.cache
def _emptied() -> list[str]:
    """The tables emptied between tests, children first; sender_epoch only ever counts up and
    stays, as it did when the tests dropped the other tables."""
    from bot.db.models import Base

    return [table.name for table in reversed(Base.metadata.sorted_tables)]


async def empty_postgres() -> None:
    """The database as the migrations leave it, with no rows: when it is at head already, its
    tables are emptied and their id sequences restarted (milliseconds, where dropping and
    migrating again takes a quarter of a second); otherwise everything is dropped and the
    first harness migrates."""
    import asyncpg

    from bot.db.engine import head_revisions

    emptied = _emptied()
    connection = await asyncpg.connect(_dsn(POSTGRES_URL))
    try:
        versions = set()
        if await connection.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL"):
            versions = {
                r[0] for r in await connection.fetch("SELECT version_num FROM alembic_version")
            }
        present = {
            r[0]
            for r in await connection.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
        if versions != head_revisions() or not set(emptied) <= present:
            await connection.close()
            await reset_postgres()
            return
        sequences = await connection.fetch(
            "SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid"
            " JOIN pg_class t ON d.refobjid = t.oid"
            " WHERE s.relkind = 'S' AND d.deptype = 'a' AND t.relname = ANY($1::text[])",
            emptied,
        )
        await connection.execute(
            "".join(f'DELETE FROM "{name}";' for name in emptied)
            + "".join(f"SELECT setval('\"{r[0]}\"', 1, false);" for r in sequences)
        )
    finally:
        if not connection.is_closed():
            await connection.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Database tests run on SQLite and on the real PostgreSQL server, each test on an
    empty database (a test of migrations themselves calls reset_postgres first)."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    reason = await _postgres_available()
    if reason:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    await empty_postgres()
    return POSTGRES_URL


def buttons(sent: Sent) -> list[str]:
    """The callback data of a sent message's buttons, flattened."""
    return [data for row in sent.buttons for _, data in row]


class Harness:
    """A running Application with a local Telegram and a fake clock."""

    def __init__(self, app: Any, transport: LocalTelegram, clock: FakeClock) -> None:
        from bot.console import LocalChat

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
        packed = data if isinstance(data, str) else data.pack()
        return await self.chat.press(user, packed)

    async def subscribe(
        self, kind: str = "g", typed_time: str = "20:15", zone: str = "London", user: int = 1
    ) -> list[Any]:
        """Subscribe through /daily as a person would, typing the time and the zone."""
        from bot.callbacks import DailyNew
        from bot.domain import Kind

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
    from bot.app import CONSOLE_TOKEN, build_application, start_services
    from bot.config import Settings
    from bot.console import LocalTelegram
    from bot.privacy.wiring import local_chat

    transport = LocalTelegram()
    # --- privacy: as the terminal chat, a key file is made on first use, next to the SQLite
    # file (so a restarted harness finds it), or in one folder per test run for PostgreSQL ---
    if "encryption_keys" not in settings and "encryption_key_file" not in settings:
        folder = Path(url.split(":///", 1)[1]).parent if url.startswith("sqlite") else KEY_DIR
        settings["encryption_key_file"] = folder / "data" / "secret.key"
    # --- end privacy ---
    if url.startswith("sqlite"):
        await _start_from_template(url)
    app = build_application(
        Settings(database_url=url, _env_file=None, **settings),  # type: ignore[call-arg]
        token=CONSOLE_TOKEN,
        request=transport,
        clock=clock,
        content=shared_content(),
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
    await _close(h)


@pytest.fixture
async def db_harness(database_url: str, clock: FakeClock) -> AsyncIterator[Harness]:
    """The harness on each database backend."""
    h = await make_harness(database_url, clock)
    yield h
    await _close(h)


async def _close(h: Harness) -> None:
    from bot.app import stop_services

    await stop_services(h.app)
    await h.app.shutdown()
