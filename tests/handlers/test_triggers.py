"""/triggers: situations and plans in the user's words, stored only as ciphertext."""

import logging
import sqlite3
from pathlib import Path

import pytest

from tests.checkins.helpers import add_trigger_with_plan
from tests.conftest import Harness, buttons


async def test_a_situation_from_the_list_with_a_plan(harness: Harness) -> None:
    [empty] = await harness.send("/triggers")
    assert "tra" in buttons(empty) and "h" in buttons(empty)
    [kinds] = await harness.press("tra")
    assert {"trk:evenings", "trk:holidays", "trk:dates", "trk:online"} <= set(buttons(kinds))
    assert {"trk:heard", "trk:stress", "trk:alcohol", "trk:places", "trk:custom"} <= set(
        buttons(kinds)
    )
    trigger = await add_trigger_with_plan(harness)
    [home] = await harness.send("/triggers")
    assert "Evenings and loneliness" in home.text and f"trv:{trigger}" in buttons(home)
    [kinds] = await harness.press("tra")
    assert "trk:evenings" not in buttons(kinds)  # each of the guide's once


async def test_an_own_situation_edit_and_remove(harness: Harness) -> None:
    await harness.send("/triggers")
    await harness.press("tra")
    [asked] = await harness.press("trk:custom")
    assert "200" in asked.text
    [too_long] = await harness.send("x" * 201)
    assert "under 200" in too_long.text
    [plan] = await harness.send("when <our> song plays & I'm alone")
    assert "when &lt;our&gt; song plays &amp; I'm alone" in plan.text  # their words, escaped
    await harness.send("turn it off and step outside")
    [shown] = await harness.press("trs:1")  # skip 'whom can you reach'
    assert "turn it off and step outside" in shown.text and "I can reach" not in shown.text
    await harness.press("trp:1")
    await harness.send("sing something else, loudly")
    [rewritten] = await harness.send("my neighbour")
    assert "sing something else, loudly" in rewritten.text and "my neighbour" in rewritten.text
    [confirm] = await harness.press("trd:1")
    assert "Remove" in confirm.text
    [home] = await harness.press("trdy:1")
    assert "song" not in home.text and not any(d.startswith("trv:") for d in buttons(home))


async def test_reasons_are_kept_and_replaced(harness: Harness) -> None:
    await harness.send("/triggers")
    await harness.press("rsn")
    [home] = await harness.send("I want to sleep through the night again")
    assert "sleep through the night" in home.text
    await harness.press("rsn")
    [home] = await harness.send("my peace matters")
    assert "my peace matters" in home.text and "sleep through" not in home.text


async def test_what_users_write_is_stored_only_as_ciphertext(
    harness: Harness,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = ("seeing his new girlfriend", "delete the app", "my aunt Rosa", "for my kids")
    # As in production (bot/__main__.setup_logging): PTB's Bot loggers stay above DEBUG, where
    # they would log every reply, and replies here show the user's own words back.
    for name in ("telegram.Bot", "telegram.ext.ExtBot"):
        monkeypatch.setattr(logging.getLogger(name), "level", logging.INFO)
    with caplog.at_level(logging.DEBUG):
        await harness.send("/triggers")
        await harness.press("tra")
        await harness.press("trk:custom")
        for text in words[:3]:
            await harness.send(text)
        await harness.send("/triggers")
        await harness.press("rsn")
        await harness.send(words[3])
    for text in words:
        assert text not in caplog.text
    connection = sqlite3.connect(tmp_path / "test.sqlite3")
    dump = "\n".join(connection.iterdump())
    stored = connection.execute("SELECT name_enc, plan_do_enc FROM triggers").fetchone()
    connection.close()
    for text in words:
        assert text not in dump
    key_id = harness.services.repo.keyring.active_id
    assert all(value.startswith(f"{key_id}:") for value in stored)  # key id, then ciphertext
    [home] = await harness.send("/triggers")
    assert words[0] in home.text and words[3] in home.text


async def test_a_plan_step_for_a_removed_trigger_ends(harness: Harness) -> None:
    await add_trigger_with_plan(harness)
    await harness.press("trp:1")  # "what will you do instead?"
    await harness.services.repo.delete_trigger(1, 1)
    [home] = await harness.send("something")
    assert "tra" in buttons(home)


async def test_someone_elses_trigger_is_never_shown(harness: Harness) -> None:
    await add_trigger_with_plan(harness)
    await harness.send("/triggers", user=2)
    for forged in ("trv:1", "trp:1", "trd:1", "trdy:1", "cha:1"):
        harness.transport.messages[(2, harness.chat.last_message_id(2))].buttons.append(
            [("x", forged)]
        )
        [reply] = await harness.press(forged, user=2)
        assert "call Sam" not in reply.text, forged
    assert await harness.services.repo.trigger(1, 1) is not None


async def test_every_triggers_screen_has_help_now(harness: Harness) -> None:
    await add_trigger_with_plan(harness)
    for data in ("tr", "tra", "trv:1", "trp:1", "trd:1", "rsn", "trk:custom"):
        [reply] = await harness.press(data)
        assert "h" in buttons(reply), data
