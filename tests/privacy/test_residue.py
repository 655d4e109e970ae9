"""The planted-string test: a unique string in every free-text field, then /delete, and not one
byte of it (nor of its ciphertext, under the old key or the new) is left in the SQLite files
(database, WAL, journal) or in any PostgreSQL table, after a key rotation and with an outbox
row in flight."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text

from bot.app import stop_services
from bot.callbacks import (
    DeleteYes,
    JournalNew,
    PlanBuild,
    PlanShow,
    ReasonsEdit,
    TriggerAdd,
    TriggerPick,
)
from bot.config import Settings
from bot.db.sealed import sealed_tables
from bot.domain import OutboxStatus, Plan, TriggerKind
from bot.handlers.safetyplan import SECTIONS
from bot.privacy.keys import add_key_to_file, rotate
from bot.scheduling.clock import FakeClock
from tests.conftest import Harness, make_harness

USER = 31337
OTHER = 777  # someone else, whose words must stay
Planter = Callable[[Harness, str], Awaitable[list[str]]]


async def plant_journal(h: Harness, mark: str) -> list[str]:
    what, felt = f"{mark}-journal-what", f"{mark}-journal-felt"
    await h.send("/journal", USER)
    await h.press(JournalNew(), USER)
    await h.send(what, USER)
    await h.send(felt, USER)
    return [what, felt]


async def plant_plans(h: Harness, mark: str) -> list[str]:
    planted = []
    for plan in Plan:
        await h.send("/safetyplan", USER)
        await h.press(PlanShow(plan), USER)
        await h.press(PlanBuild(plan), USER)
        for section in SECTIONS[plan]:
            planted.append(f"{mark}-{plan}-{section}")
            await h.send(planted[-1], USER)
    return planted


async def plant_triggers(h: Harness, mark: str) -> list[str]:
    """An own situation with its plan, and the reasons, typed as a person would."""
    name, do, reach, reasons = (f"{mark}-trigger-{part}" for part in ("name", "do", "reach", "why"))
    await h.send("/triggers", USER)
    await h.press(TriggerAdd(), USER)
    await h.press(TriggerPick(TriggerKind.CUSTOM), USER)
    for words in (name, do, reach):
        await h.send(words, USER)
    await h.send("/triggers", USER)
    await h.press(ReasonsEdit(), USER)
    await h.send(reasons, USER)
    return [name, do, reach, reasons]


# Every sealed column and what plants a string in it. A new column with user text fails
# test_every_free_text_column_is_planted until it gets a planter here.
PLANTERS: dict[tuple[str, str], Planter] = {
    ("journal_entries", "what"): plant_journal,
    ("journal_entries", "felt"): plant_journal,
    ("safety_plan_sections", "body"): plant_plans,
    ("triggers", "name_enc"): plant_triggers,
    ("triggers", "plan_do_enc"): plant_triggers,
    ("triggers", "plan_reach_enc"): plant_triggers,
    ("reasons", "text_enc"): plant_triggers,
}


def test_every_free_text_column_is_planted() -> None:
    sealed = {(s.table.name, c.name) for s in sealed_tables() for c in s.columns}
    assert sealed == set(PLANTERS)


async def plant_messages(h: Harness, mark: str) -> list[str]:
    """Words that are never stored at all: a question, a crisis text, a name."""
    said = [f"{mark}-question why do i miss him", f"{mark}-i want to die"]
    for words in said:
        await h.send(words, USER)
    name = f"{mark}-firstname"
    await h.chat.feed(
        {
            "message": {
                "message_id": h.transport.next_message_id(USER),
                "date": int(time.time()),
                "chat": {"id": USER, "type": "private", "first_name": name},
                "from": {"id": USER, "is_bot": False, "first_name": name, "username": name},
                "text": "/help",
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            }
        }
    )
    return [*said, name]


async def sealed_values(h: Harness) -> list[str]:
    values = []
    async with h.services.repo.engine.connect() as connection:
        for sealed in sealed_tables():
            for column in sealed.columns:
                values += list(await connection.scalars(select(column).where(column.is_not(None))))
    return values


def sqlite_bytes(url: str) -> bytes:
    path = Path(url.split(":///", 1)[1])
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        file = path.with_name(path.name + suffix)
        if file.exists():
            found += file.read_bytes()
    return found


async def postgres_text(h: Harness) -> str:
    """Every row of every table in the database, as text."""
    async with h.services.repo.engine.connect() as connection:
        tables = await connection.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        )
        dump = []
        for table in list(tables):
            rows = await connection.execute(text(f'SELECT t::text FROM "{table}" t'))
            dump += [str(r[0]) for r in rows]
    return "\n".join(dump)


async def residues(h: Harness, url: str, needles: list[str]) -> list[str]:
    if url.startswith("sqlite"):
        haystack = sqlite_bytes(url)
        return [n for n in needles if n.encode() in haystack]
    dump = await postgres_text(h)
    return [n for n in needles if n in dump]


def body(ciphertext: str) -> str:
    return ciphertext.partition(":")[2]


async def test_nothing_is_left_after_delete(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    url = database_url
    key_file = tmp_path / "data" / "secret.key"
    h = await make_harness(url, clock, encryption_key_file=key_file)
    mark = f"PLANTED{int(time.time() * 1000) % 10**8}"
    planted: list[str] = []
    for planter in dict.fromkeys(PLANTERS.values()):
        planted += await planter(h, mark)
    planted += await plant_messages(h, mark)
    # Someone else's journal stays.
    await h.send("/journal", OTHER)
    await h.press(JournalNew(), OTHER)
    await h.send("KEEP-other-persons-entry", OTHER)
    # A daily note due now, claimed by the sender: in flight when the user deletes.
    clock.advance(timedelta(seconds=1))  # after the crisis reply, which ended any step
    await h.subscribe("g", "12:01", user=USER)
    await h.press("na:grounding:0", USER)
    clock.advance(timedelta(minutes=1))
    await h.services.dispatcher.tick()
    in_flight = await h.services.repo.claim_pending(10, h.services.sender.role.epoch, clock.now())
    assert [r.chat_id for r in in_flight] == [USER]
    before = await sealed_values(h)
    assert before
    assert await residues(h, url, planted) == []  # sealed: never there in plain text
    await stop_services(h.app)
    await h.app.shutdown()

    # Rotate to a new key while the bot runs with both keys.
    add_key_to_file(key_file)
    h = await make_harness(url, clock, encryption_key_file=key_file)
    settings = Settings(database_url=url, encryption_key_file=key_file, _env_file=None)  # type: ignore[call-arg]
    _, changed = await rotate(settings, batch=3)
    assert changed == len(before)
    after = await sealed_values(h)
    assert not set(after) & set(before)
    old = [body(c) for c in before]
    assert await residues(h, url, old) == []  # the old ciphertexts are gone (SQLite: files)
    mine = [body(c) for c in after if "KEEP" not in c]
    assert len(await residues(h, url, mine)) == len(mine)  # the new ones are there, until...

    await h.send("/delete", USER)
    [done] = await h.press(DeleteYes(hide=False), USER)
    assert done.text == "✓ Done."
    # The sender finishes the message it had in flight: nothing comes back.
    await h.services.repo.mark_outbox([r.id for r in in_flight], OutboxStatus.SENT, clock.now())

    theirs = [c for c in await sealed_values(h)]
    needles = planted + old + [body(c) for c in after if c not in theirs]
    assert await residues(h, url, needles) == []
    assert len(theirs) == 1  # the other person's entry is untouched
    assert (await h.services.repo.journal_page(OTHER, 0, 1)).entries[0].what.startswith("KEEP")
    await stop_services(h.app)
    await h.app.shutdown()
