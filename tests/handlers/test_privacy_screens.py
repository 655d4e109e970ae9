"""/privacy, /stop and /delete: what is kept, stopping everything unprompted, forgetting a user."""

from datetime import timedelta

from bot.callbacks import DeleteYes, PrivacyDiscreet, PrivacyTelegram
from bot.db.privacy import user_tables
from tests.conftest import Harness, buttons


async def test_privacy_says_what_is_kept_and_offers_the_tools(harness: Harness) -> None:
    [screen] = await harness.send("/privacy")
    for needle in ("Kept:", "Never kept:", "48 hours", "/delete", "Who can see it", "encrypt"):
        assert needle in screen.text, needle
    assert {"so", "hd", "del", "pvt", "pvd", "h"} <= set(buttons(screen))
    [telegram] = await harness.press(PrivacyTelegram())
    for needle in ("Settings › Devices", "48 hours", "Auto-delete", "Clear history", "/stop"):
        assert needle in telegram.text, needle


async def test_discreet_toggle_explains_itself_and_its_icon_matches(harness: Harness) -> None:
    await harness.send("/privacy")
    [on] = await harness.press(PrivacyDiscreet())
    assert "🔒 Discreet mode is on" in on.text
    assert any(
        label.startswith("🔒") and "is on" in label for row in on.buttons for label, _ in row
    )
    assert (await harness.services.repo.get_user(1)).discreet
    [off] = await harness.press(PrivacyDiscreet())
    assert "🔓 Discreet mode is off" in off.text


async def test_stop_pauses_every_schedule_in_one_tap_and_keeps_settings(harness: Harness) -> None:
    await harness.subscribe("g")
    await harness.subscribe("e", "9am")
    repo = harness.services.repo
    [stopped] = await harness.send("/stop")
    assert "won't send you anything" in stopped.text
    subs = await repo.subscriptions(1)
    assert len(subs) == 2 and all(s.paused for s in subs)  # kept, paused
    harness.clock.advance(timedelta(days=2))
    assert await harness.deliver() == []  # nothing unprompted
    [again] = await harness.send("/stop")
    assert "Nothing was scheduled" in again.text
    [home] = await harness.send("/daily")
    assert "paused until you resume" in home.text


async def test_stop_drops_notes_already_queued(harness: Harness) -> None:
    await harness.subscribe("g", "12:05")
    harness.clock.advance(timedelta(minutes=5))
    await harness.services.dispatcher.tick()  # queued, not yet sent
    await harness.send("/stop")
    assert await harness.services.sender.drain() == 0


async def test_delete_asks_once_then_removes_everything_and_forgets(harness: Harness) -> None:
    await harness.send("/country")
    await harness.press("cs:GB")
    await harness.subscribe("e")
    await harness.press("na:encouragement:1")
    await harness.press("nst")
    repo = harness.services.repo
    [ask] = await harness.send("/delete")
    assert "Delete everything" in ask.text and "dely:0" in buttons(ask)
    assert await repo.get_user(1) is not None
    [done] = await harness.press(DeleteYes(hide=False))
    assert done.text == "✓ Done."
    assert await repo.get_user(1) is None
    assert await repo.subscriptions(1) == [] and await repo.no_contact(1) is None
    assert 1 not in harness.services.countries
    # The next update starts fresh: default country, no settings.
    [lines] = await harness.send("/hotline")
    assert "911" in lines.text
    user = await repo.get_user(1)
    assert user is None or (user.country is None and not user.discreet)


async def row_counts(harness: Harness, chat: int) -> dict[str, int]:
    from sqlalchemy import func, select

    counts = {}
    async with harness.services.repo.engine.connect() as connection:
        for table in user_tables():
            counts[table.name] = await connection.scalar(
                select(func.count()).select_from(table).where(table.c.chat_id == chat)
            )
    return counts


async def test_every_table_with_a_chat_id_is_emptied_by_delete(db_harness: Harness) -> None:
    h = db_harness
    await h.subscribe("g", "12:01")
    h.clock.advance(timedelta(minutes=1))
    await h.services.dispatcher.tick()  # an outbox row, pending
    await h.send("/journal")
    await h.press("jn")
    await h.send("what happened")
    await h.send("/safetyplan")
    await h.press("pp:safe")
    await h.press("pb:safe")
    await h.send("his voice goes flat")
    privacy = h.services.privacy
    await privacy.messages.flush(h.services.repo, h.clock.now())
    before = await row_counts(h, 1)
    for table in ("outbox", "subscriptions", "journal_entries", "safety_plan_sections"):
        assert before[table] > 0, table
    assert before["message_log"] > 0
    await h.send("/delete")
    [done] = await h.press(DeleteYes(hide=False))
    assert done.text == "✓ Done."
    assert set((await row_counts(h, 1)).values()) == {0}
    assert await h.services.repo.get_user(1) is None
    assert len(privacy.messages) == 0


async def test_every_privacy_screen_has_help_now(harness: Harness) -> None:
    """Safety rule 1 on the new screens, commands and buttons alike."""
    for command in ("/privacy", "/stop", "/delete", "/journal", "/safetyplan", "/hide"):
        replies = await harness.send(command)
        assert replies and "h" in buttons(replies[-1]), command
    screens = [
        ("/privacy", ["pvt"]),
        ("/privacy", ["pvd"]),
        ("/privacy", ["del"]),
        ("/privacy", ["so"]),
        ("/journal", ["jn"]),
        ("/safetyplan", ["pp:safe", "pb:safe"]),
        ("/safetyplan", ["pp:safe", "pw:safe"]),
        ("/safetyplan", ["pp:safe", "ps:safe:exits", "pe:safe:exits:0"]),
        ("/safetyplan", ["pp:self", "pb:self"]),
        ("/hide", ["hdi"]),
    ]
    for command, presses in screens:
        await harness.send(command)
        for data in presses:
            shown_on = harness.chat.message_with(1, data)
            assert shown_on is not None, data  # really offered, not an expired button
            sent = await harness.chat.press(1, data, shown_on)
            assert sent and "h" in buttons(sent[-1]), data
            assert "expired" not in sent[-1].text, data
