"""Keys at start-up and rotation while the bot runs."""

import asyncio
from pathlib import Path

import pytest

from bot.app import CONSOLE_TOKEN, build_application, start_services, stop_services
from bot.config import Settings, SettingsError
from bot.console import LocalTelegram
from bot.crypto import key_id_of
from bot.db.sealed import sealed_tables
from bot.domain import Plan
from bot.privacy.keys import add_key_to_file, rotate
from bot.scheduling.clock import FakeClock
from tests.conftest import Harness, make_harness, sqlite_url


async def write_some(h: Harness) -> None:
    await h.send("/journal")
    await h.press("jn")
    await h.send("first entry")
    await h.send("felt it")
    await h.send("/safetyplan")
    await h.press("pp:safe")
    await h.press("pb:safe")
    await h.send("tone changes")
    await h.send("back door")


async def stored(h: Harness) -> list[str]:
    from sqlalchemy import select

    values = []
    async with h.services.repo.engine.connect() as connection:
        for sealed in sealed_tables():
            for column in sealed.columns:
                rows = await connection.scalars(select(column).where(column.is_not(None)))
                values += list(rows)
    return values


async def close(h: Harness) -> None:
    await stop_services(h.app)
    await h.app.shutdown()


async def start_as_run(url: str, clock: FakeClock, **settings: object) -> None:
    """start_services as `python -m bot run` does: no key file is ever created."""
    app = build_application(
        Settings(database_url=url, _env_file=None, **settings),  # type: ignore[arg-type]
        token=CONSOLE_TOKEN,
        request=LocalTelegram(),
        clock=clock,
    )
    await app.initialize()
    try:
        await start_services(app, background=False)
    finally:
        await stop_services(app)
        await app.shutdown()


async def test_run_refuses_with_one_line_when_stored_text_has_no_key(
    tmp_path: Path, clock: FakeClock
) -> None:
    url = sqlite_url(tmp_path)
    h = await make_harness(url, clock, encryption_key_file=tmp_path / "k" / "secret.key")
    await write_some(h)
    await close(h)
    with pytest.raises(SettingsError, match="no key was given") as refused:
        await start_as_run(url, clock, encryption_key_file=tmp_path / "missing.key")
    assert "\n" not in str(refused.value)
    other = tmp_path / "other.key"
    add_key_to_file(other)
    with pytest.raises(SettingsError, match="not among the keys given"):
        await start_as_run(url, clock, encryption_key_file=other)
    await start_as_run(url, clock, encryption_key_file=tmp_path / "k" / "secret.key")


async def test_run_starts_without_keys_while_nothing_is_encrypted(
    tmp_path: Path, clock: FakeClock
) -> None:
    await start_as_run(sqlite_url(tmp_path), clock, encryption_key_file=tmp_path / "none.key")
    assert not (tmp_path / "none.key").exists()


async def test_without_a_key_the_journal_says_so_and_stores_nothing(
    tmp_path: Path, clock: FakeClock
) -> None:
    h = await make_harness(sqlite_url(tmp_path), clock)
    h.services.repo.keyring = None
    [reply] = await h.send("/journal")
    assert "isn't available" in reply.text and "h" in [d for r in reply.buttons for _, d in r]
    [plans] = await h.send("/safetyplan")
    assert "Safety plans" in plans.text
    await close(h)


async def test_rotation_while_the_bot_runs(tmp_path: Path, clock: FakeClock) -> None:
    url = sqlite_url(tmp_path)
    key_file = tmp_path / "data" / "secret.key"
    first = await make_harness(url, clock, encryption_key_file=key_file)
    await write_some(first)
    old_id = key_id_of((await stored(first))[0])
    await close(first)

    new_id = add_key_to_file(key_file)
    running = await make_harness(url, clock, encryption_key_file=key_file)  # restarted
    assert running.services.repo.keyring.active_id == new_id
    settings = Settings(database_url=url, encryption_key_file=key_file, _env_file=None)  # type: ignore[call-arg]

    async def keep_editing() -> None:
        for n in range(5):
            await running.services.repo.save_plan_section(
                1, Plan.SAFE, "cash", f"n{n}", clock.now()
            )
            await asyncio.sleep(0)

    (active, changed), _ = await asyncio.gather(rotate(settings, batch=1), keep_editing())
    assert active == new_id and changed >= 3
    values = await stored(running)
    assert values and {key_id_of(v) for v in values} == {new_id}
    assert (await running.services.repo.plan_sections(1, Plan.SAFE))["cash"] == "n4"
    await close(running)

    # The old key can go: the bot starts and reads everything with the new key alone.
    lines = key_file.read_text().splitlines()
    key_file.write_text(lines[0] + "\n")
    assert old_id not in key_file.read_text()
    after = await make_harness(url, clock, encryption_key_file=key_file)
    assert (await after.services.repo.journal_page(1, 0, 5)).entries[0].what == "first entry"
    assert (await after.services.repo.plan_sections(1, Plan.SAFE))["signs"] == "tone changes"
    await close(after)


def test_python_m_bot_run_refuses_in_one_line(tmp_path: Path) -> None:
    """The command line: encrypted text stored, no key given: exit 2 and one line, no traceback."""
    from bench.fake_telegram import FakeTelegram
    from tests.helpers.cli import run
    from tests.helpers.threaded import loop_on_a_thread

    made = run(
        ["chat"], tmp_path, stdin="/journal\n1\nsomething that happened\n", DATABASE_URL=None
    )
    assert made.returncode == 0, made.stderr
    (tmp_path / "data" / "secret.key").unlink()
    fake = FakeTelegram()
    with loop_on_a_thread() as call:
        base_url = call(fake.start())
        try:
            result = run(
                ["run"],
                tmp_path,
                DATABASE_URL=None,
                TELEGRAM_BOT_TOKEN="123456:" + "A" * 35,
                TELEGRAM_API_BASE_URL=base_url,
                NO_PROXY="127.0.0.1,localhost",
            )
        finally:
            call(fake.stop())
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1
    assert lines[0].startswith("error: Encrypted journal and plan text is stored")
    assert "Traceback" not in result.stderr
