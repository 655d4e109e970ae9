"""Engine creation, SQLite tuning, reachability check and Alembic migrations at start-up.

Alembic is imported only when a database is behind head: loading it (with the template
engine its scripts use) costs about half a second of every start, and a database at head,
the usual case, needs nothing from it."""

from __future__ import annotations

import ast
import asyncio
import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from bot.config import Settings

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseUnavailable(Exception):
    """The database cannot be reached or used; the message is one line for a person."""


# PostgreSQL: a server that accepts connections but does not answer must not hang a screen
# for asyncpg's default 60 s. Screens say at once that they cannot reach their notes.
CONNECT_TIMEOUT_S = 3.0
COMMAND_TIMEOUT_S = 10.0
POOL_TIMEOUT_S = 5.0


def make_engine(settings: Settings) -> AsyncEngine:
    """An async engine; SQLite gets WAL, a busy timeout and foreign keys on every connection."""
    path = settings.sqlite_path()
    if path is not None:
        _private_file(path)
    kwargs: dict[str, Any] = {"pool_pre_ping": not settings.is_sqlite}
    if not settings.is_sqlite:
        kwargs |= {
            "pool_size": 10,
            "max_overflow": 10,
            "pool_timeout": POOL_TIMEOUT_S,
            "connect_args": {"timeout": CONNECT_TIMEOUT_S, "command_timeout": COMMAND_TIMEOUT_S},
        }
    engine = create_async_engine(settings.database_url, **kwargs)
    if settings.is_sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _private_file(path: Path) -> None:
    """The SQLite folder 0700 and file 0600 before first use: the list of chat ids is private.
    SQLite gives its -wal and -shm files the database file's permissions."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)  # whatever the umask
    except OSError as exc:
        raise DatabaseUnavailable(f"Cannot use the database file {path}: {exc.strerror}") from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets replies read while the dispatcher writes; busy_timeout waits instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted and replaced content is overwritten with zeros, not just unlinked (/delete).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return async_sessionmaker(engine, expire_on_commit=False)


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps


@functools.cache
def head_revisions() -> frozenset[str]:
    """The head revision(s) of the migration scripts, read once per process: the revisions
    no script names as its down_revision (what Alembic's ScriptDirectory.get_heads answers;
    tests/db/test_migrate.py compares the two)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        values = _module_constants(script, ("revision", "down_revision"))
        revisions.add(values["revision"])
        down = values.get("down_revision")
        parents.update([down] if isinstance(down, str) else down or ())
    return frozenset(revisions - parents)


def _module_constants(path: Path, names: tuple[str, ...]) -> dict[str, Any]:
    """Top-level `name = <literal>` / `name: type = <literal>` assignments of a script."""
    found: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target: ast.expr
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in names:
            found[target.id] = ast.literal_eval(value)
    return found


def current_revisions(connection: Connection) -> frozenset[str]:
    """The revision(s) the database's version table names; empty when it has none."""
    if not connection.dialect.has_table(connection, VERSION_TABLE):
        return frozenset()
    return frozenset(connection.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))


def at_head(connection: Connection) -> bool:
    """Whether the database's alembic_version already names the scripts' head(s)."""
    return current_revisions(connection) == head_revisions()


def _upgrade(connection: Connection) -> None:
    if at_head(connection):
        return  # nothing to do: skip loading Alembic, its environment and every script
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def migrate(engine: AsyncEngine, seconds: float = 15.0) -> None:
    """Apply Alembic migrations up to head; DatabaseUnavailable if the server can't be used."""
    try:
        async with asyncio.timeout(seconds), engine.begin() as connection:
            await connection.execute(text("SELECT 1"))
            await connection.run_sync(_upgrade)
    except (SQLAlchemyError, OSError, TimeoutError) as exc:
        raise DatabaseUnavailable(_describe(exc, engine)) from None


def _describe(exc: BaseException, engine: AsyncEngine) -> str:
    target = engine.url.render_as_string(hide_password=True)
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = reason[0] if reason and reason[0] else type(exc).__name__
    return f"Cannot use the database at {target}: {first}"
