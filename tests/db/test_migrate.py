"""migrate() at start-up: a database at head is left alone without loading Alembic's scripts;
one behind head (or empty) is still brought up to head."""

from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from bot.config import Settings
from bot.db import make_engine, migrate
from bot.db.engine import _alembic_config, current_revisions, head_revisions
from tests.conftest import POSTGRES_URL, reset_postgres


def _upgrade_to(revision: str) -> Any:
    def run(connection: Any) -> None:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    return run


def _state(connection: Any) -> tuple[set[str], set[str]]:
    versions = set(connection.scalars(text("SELECT version_num FROM alembic_version")))
    return versions, set(inspect(connection).get_table_names())


async def test_a_database_behind_head_is_migrated(database_url: str) -> None:
    if database_url == POSTGRES_URL:
        await reset_postgres()  # from nothing: the fixture leaves PostgreSQL at head
    engine = make_engine(Settings(database_url=database_url, _env_file=None))  # type: ignore[call-arg]
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade_to("0004"))
            versions, tables = await connection.run_sync(_state)
        assert versions == {"0004"} and "checkins" not in tables
        await migrate(engine)
        async with engine.connect() as connection:
            versions, tables = await connection.run_sync(_state)
        assert versions == set(head_revisions())
        assert {"checkins", "checkin_schedules", "triggers", "reasons", "contact_log"} <= tables
    finally:
        await engine.dispose()
        if database_url == POSTGRES_URL:
            await reset_postgres()


async def test_an_empty_database_is_migrated(database_url: str) -> None:
    if database_url == POSTGRES_URL:
        await reset_postgres()
    engine = make_engine(Settings(database_url=database_url, _env_file=None))  # type: ignore[call-arg]
    try:
        await migrate(engine)
        async with engine.connect() as connection:
            versions, tables = await connection.run_sync(_state)
        assert versions == set(head_revisions()) and "users" in tables
    finally:
        await engine.dispose()


async def test_a_database_at_head_skips_alembic(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(Settings(database_url=database_url, _env_file=None))  # type: ignore[call-arg]
    try:
        await migrate(engine)
        calls: list[Any] = []
        monkeypatch.setattr(command, "upgrade", lambda *a, **k: calls.append(a))
        await migrate(engine)
        assert calls == []  # nothing to do: Alembic's environment and scripts are not loaded
        async with engine.connect() as connection:
            versions, _ = await connection.run_sync(_state)
        assert versions == set(head_revisions())
    finally:
        await engine.dispose()


def test_heads_read_from_the_scripts_are_alembics() -> None:
    """The start-up check reads the scripts' revisions without Alembic: the same heads."""
    scripts = ScriptDirectory.from_config(_alembic_config())
    assert head_revisions() == frozenset(scripts.get_heads())
    assert len(head_revisions()) == 1  # one line of migrations, as Alembic would also require


async def test_an_empty_database_names_no_revision(database_url: str) -> None:
    if database_url == POSTGRES_URL:
        await reset_postgres()
    engine = make_engine(Settings(database_url=database_url, _env_file=None))  # type: ignore[call-arg]
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(current_revisions) == frozenset()
        await migrate(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(current_revisions) == head_revisions()
    finally:
        await engine.dispose()
