"""/hide, the quick exit: the last 48 hours of the chat deleted, one neutral line left."""

import json
from datetime import timedelta
from typing import Any

from bot.callbacks import HideInfo
from bot.handlers.hide import targets
from tests.conftest import Harness, buttons


def delete_calls(harness: Harness) -> list[list[int]]:
    calls = [p for method, p in harness.transport.calls if method == "deleteMessages"]
    return [_ids(p["message_ids"]) for p in calls]


def _ids(raw: Any) -> list[int]:
    return json.loads(raw) if isinstance(raw, str) else list(raw)


def deleted(harness: Harness) -> set[int]:
    return {m for chat, m in harness.transport.deleted if chat == 1}


async def test_hide_deletes_both_sides_and_unrecorded_notes_between(harness: Harness) -> None:
    await harness.send("/start")
    await harness.subscribe("g", "12:30")
    harness.clock.advance(timedelta(minutes=30))
    [note] = await harness.deliver()  # sent by the outbox, never recorded
    await harness.send("what is hoovering")
    await harness.send("i want to die")  # a crisis reply, recorded without the database
    before = {m for (chat, m) in harness.transport.messages if chat == 1}
    newest = harness.transport.next_message_id(1) - 1
    replies = await harness.send("/hide")
    [line] = [r for r in replies if r.method == "sendMessage"]
    assert line.text == "✓ Done."
    assert set(buttons(line)) == {"hdi", "h"}
    gone = deleted(harness)
    assert set(range(1, newest + 2)) <= gone  # every id, the user's and the bot's, and /hide
    assert note.message_id in gone and before <= gone
    assert all(len(ids) <= 100 for ids in delete_calls(harness))
    shown = {m for (chat, m) in harness.transport.messages if chat == 1}
    assert shown == {line.message_id}  # one neutral line left
    [info] = await harness.press(HideInfo())
    for needle in ("48 hours", "Clear history", "Auto-delete", "Settings › Devices", "stop"):
        assert needle in info.text, needle


async def test_a_second_hide_leaves_only_the_new_line(harness: Harness) -> None:
    await harness.send("/help")
    [first] = [r for r in await harness.send("/hide") if r.method == "sendMessage"]
    await harness.send("/help")
    [second] = [r for r in await harness.send("/hide") if r.method == "sendMessage"]
    assert {m for (chat, m) in harness.transport.messages if chat == 1} == {second.message_id}
    assert first.message_id in deleted(harness)


async def test_hide_skips_what_telegram_no_longer_lets_it_delete(harness: Harness) -> None:
    await harness.send("/help")
    old_newest = harness.transport.next_message_id(1) - 1
    harness.clock.advance(timedelta(hours=49))
    await harness.send("/help")
    await harness.send("/hide")
    gone = deleted(harness)
    assert not gone & set(range(1, old_newest + 1))  # older than 48 hours: not tried


async def test_a_first_message_that_was_a_crisis_is_hidden_too(harness: Harness) -> None:
    """No user row yet (the crisis path never touches the database): ids wait in memory."""
    await harness.send("he is going to kill me", user=7)
    assert await harness.services.repo.get_user(7) is None
    await harness.send("/hide", user=7)
    assert {1, 2, 3} <= {m for chat, m in harness.transport.deleted if chat == 7}


async def test_a_flood_is_deleted_in_batches_of_100(harness: Harness) -> None:
    for n in range(130):
        await harness.send(f"hello {n}")
    await harness.send("/hide")
    calls = delete_calls(harness)
    assert len(calls) >= 3 and all(1 <= len(ids) <= 100 for ids in calls)
    assert set(range(1, 262)) <= deleted(harness)


async def test_a_refused_batch_is_split_until_the_rest_is_deleted(harness: Harness) -> None:
    await harness.send("/help")
    await harness.send("/help")
    failures: list[Any] = []
    original = harness.transport._answer

    def refuse_big(endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "deleteMessages":
            ids = params["message_ids"]
            ids = json.loads(ids) if isinstance(ids, str) else ids
            if 2 in ids and len(ids) > 1:
                failures.append(ids)
                raise _BadRequest
        return original(endpoint, params)

    class _BadRequest(Exception):
        pass

    async def do_request(url: str, method: str, request_data: Any = None, *a: Any, **k: Any) -> Any:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        try:
            result = refuse_big(endpoint, params)
        except _BadRequest:
            body = {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message can't be deleted",
            }
            return 400, json.dumps(body).encode()
        harness.transport.calls.append((endpoint, params))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    harness.transport.do_request = do_request  # type: ignore[method-assign]
    await harness.send("/hide")
    assert failures  # the first call was refused, then split
    assert {1, 3, 4, 5} <= deleted(harness)


def test_targets_fill_gaps_and_cap_a_long_range() -> None:
    assert targets({3, 7}) == [7, 6, 5, 4, 3]
    assert targets(set()) == []
    capped = targets({1, 10_000}, cap=100)
    assert capped[0] == 10_000 and 1 in capped and len(capped) == 101


async def test_a_note_pressed_after_days_of_quiet_is_hidden(harness: Harness) -> None:
    """Daily notes are sent without being noted; pressing one notes it (dated when sent)."""
    await harness.subscribe("g", "12:30")
    await harness.press("na:grounding:0")
    quiet_until = harness.transport.next_message_id(1) - 1
    harness.clock.advance(timedelta(days=3, minutes=30))
    [note] = await harness.deliver()
    await harness.chat.press(1, "dp:grounding", note.message_id)
    await harness.send("/hide")
    gone = deleted(harness)
    assert note.message_id in gone
    assert not gone & set(range(1, quiet_until + 1))  # days old: not tried
