"""The check-in conversation: every answer path, typed numbers, crisis mid-check-in,
restart mid-conversation, and forged buttons."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import stop_services
from bot.scheduling.clock import FakeClock
from tests.checkins.helpers import add_checkin, add_trigger_with_plan, checkins_in, session_of
from tests.conftest import Harness, buttons, make_harness, sqlite_url


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


async def a_check_in(h: Harness, trigger: int | None = None) -> int:
    """A scheduled check-in, delivered now; its id."""
    await add_checkin(h, h.clock.now() + timedelta(minutes=1), trigger=trigger)
    h.clock.advance(timedelta(minutes=1))
    [message] = checkins_in(await h.deliver())
    return session_of(message)


async def test_low_pull_gets_a_brief_word(harness: Harness) -> None:
    session = await a_check_in(harness)
    [what] = await harness.press(f"cp:{session}:2")
    assert "What's going on?" in what.text
    assert {f"cw:{session}:contacted", f"cw:{session}:unsafe"} <= set(buttons(what))
    [reply] = await harness.press(f"cw:{session}:other")
    assert "Something to do right now" not in reply.text
    assert not any(d.startswith("cf:") for d in buttons(reply))
    assert "h" in buttons(reply)


async def test_high_pull_shows_the_users_own_plan_grounding_and_a_follow_up(
    harness: Harness,
) -> None:
    trigger = await add_trigger_with_plan(harness, do="run a bath and text Ana instead")
    session = await a_check_in(harness)
    [what] = await harness.press(f"cp:{session}:9")
    assert f"ct:{session}:{trigger}" in buttons(what)  # their triggers as buttons
    [reply] = await harness.press(f"ct:{session}:{trigger}")
    assert "run a bath and text Ana instead" in reply.text
    assert "Sam or my sister" in reply.text
    assert "Something to do right now" in reply.text
    assert {f"cf:{session}:1", f"cf:{session}:2", f"cf:{session}:4"} <= set(buttons(reply))


async def test_mid_pull_offers_grounding_and_the_plan(harness: Harness) -> None:
    trigger = await add_trigger_with_plan(harness)
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:5")
    [reply] = await harness.press(f"ct:{session}:{trigger}")
    assert "call Sam and go for a walk" in reply.text
    assert f"cg:{session}" in buttons(reply)
    [exercise] = await harness.press(f"cg:{session}")
    assert "Something to do right now" in exercise.text


async def test_a_trigger_without_a_plan_offers_to_write_one(harness: Harness) -> None:
    await harness.send("/triggers")
    await harness.press("tra")
    [asked] = await harness.press("trk:alcohol")
    assert "what will you do instead" in asked.text.lower()
    await harness.press("tr")  # leaves without a plan
    [home] = await harness.send("/triggers")
    trigger = int(next(d for d in buttons(home) if d.startswith("trv:")).split(":")[1])
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:8")
    [reply] = await harness.press(f"ct:{session}:{trigger}")
    assert "haven't written a plan" in reply.text and f"trp:{trigger}" in buttons(reply)


async def test_a_triggers_own_check_in_answered_8_shows_the_plan_at_once(
    harness: Harness,
) -> None:
    trigger = await add_trigger_with_plan(harness)
    session = await a_check_in(harness, trigger)
    [reply] = await harness.send("8")  # typed, not tapped
    assert "call Sam and go for a walk" in reply.text
    assert f"ce:{session}" in buttons(reply)  # something else is going on
    [what] = await harness.press(f"ce:{session}")
    assert "What's going on?" in what.text


async def test_they_contacted_me_explains_hoovering_and_logs_date_and_channel(
    harness: Harness,
) -> None:
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:7")
    [reply] = await harness.press(f"cw:{session}:contacted")
    assert "hoovering" in reply.text and "don't have to answer" in reply.text
    assert "t:hoovering:0" in buttons(reply)
    [channels] = await harness.press(f"cl:{session}:1")
    assert "20 November" in channels.text
    choice = next(d for d in buttons(channels) if d.endswith(":message"))
    [logged] = await harness.press(choice)
    assert "Logged" in logged.text
    history = await harness.services.repo.history(1)
    assert [(d.isoformat(), c.value) for d, c in history.contacts] == [("2026-11-20", "message")]


async def test_a_contact_on_a_typed_day(harness: Harness) -> None:
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:3")
    await harness.press(f"cw:{session}:contacted")
    await harness.press(f"cld:{session}")
    [bad] = await harness.send("2030-01-01")
    assert "within the last year" in bad.text
    [channels] = await harness.send("3 days ago")
    assert "18 November" in channels.text


async def test_limited_contact_answers_only_whats_necessary(harness: Harness) -> None:
    await harness.send("/progress")
    await harness.press("nst")
    await harness.send("/progress")
    await harness.press("ncm:limited")
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:4")
    [reply] = await harness.press(f"cw:{session}:contacted")
    assert "grey rock" in reply.text


async def test_i_reached_out_is_met_without_shame_and_counts_a_slip(harness: Harness) -> None:
    await harness.send("/progress")
    await harness.press("nsa")
    await harness.send("2026-11-01")
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:6")
    [reply] = await harness.press(f"cw:{session}:reached_out")
    assert "isn't a failure" in reply.text or "doesn't make you weak" in reply.text
    assert "20 days all together" in reply.text
    view = await harness.services.repo.no_contact(1)
    assert view.slips == 1 and view.slip_pending
    [progress] = await harness.send("/progress")
    assert "a new run starts tomorrow" in progress.text


async def test_i_reached_out_without_a_count(harness: Harness) -> None:
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:6")
    [reply] = await harness.press(f"cw:{session}:reached_out")
    assert "/progress" in reply.text
    assert await harness.services.repo.no_contact(1) is None


async def test_im_not_safe_gets_the_crisis_reply(harness: Harness) -> None:
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:10")
    [reply] = await harness.press(f"cw:{session}:unsafe")
    assert harness.services.content.ui["crisis_danger"] in reply.text
    assert "911" in reply.text  # the country's lines, from the hotline data


async def test_a_crisis_typed_mid_check_in_is_answered_and_the_check_in_goes_on(
    harness: Harness,
) -> None:
    session = await a_check_in(harness)
    [crisis] = await harness.send("i want to die")
    assert "so sorry you're hurting" in crisis.text
    # The typed step ended (a number is no longer read as the answer) but the buttons work.
    [what] = await harness.press(f"cp:{session}:7")
    assert "What's going on?" in what.text


async def test_not_now_closes_quietly(harness: Harness) -> None:
    session = await a_check_in(harness)
    [closed] = await harness.press(f"cq:{session}")
    assert "/checkin" in closed.text and not any(d.startswith("cp:") for d in buttons(closed))
    assert (await harness.services.repo.checkin(1, session)).status == "closed"
    [fresh] = await harness.send("/checkin")
    assert session_of(fresh) != session  # closed, so a new one can open


async def test_unanswered_check_in_expires(harness: Harness) -> None:
    session = await a_check_in(harness)
    harness.clock.advance(timedelta(hours=3))
    [gone] = await harness.press(f"cp:{session}:3")
    assert "has closed" in gone.text
    [text] = await harness.send("8")  # no longer an answer: an ordinary message
    assert "What's going on?" not in text.text


async def test_typed_numbers_out_of_range_get_a_hint(harness: Harness) -> None:
    await a_check_in(harness)
    [hint] = await harness.send("11")
    assert "0 to 10" in hint.text
    [what] = await harness.send("8/10")
    assert "What's going on?" in what.text


async def test_check_in_now_resumes_the_open_one(harness: Harness) -> None:
    [first] = await harness.send("/checkin")
    session = session_of(first)
    [what] = await harness.send("4")
    assert "What's going on?" in what.text
    [again] = await harness.send("/checkin")
    assert "What's going on?" in again.text  # the same one, where it was: never two
    assert any(d.startswith(f"cw:{session}:") for d in buttons(again))


async def test_restart_in_the_middle_resumes_where_it_was(tmp_path: Path) -> None:
    clock = FakeClock(utc(2026, 11, 21, 12))
    url = sqlite_url(tmp_path)
    first = await make_harness(url, clock)
    trigger = await add_trigger_with_plan(first)
    session = await a_check_in(first)
    await first.press(f"cp:{session}:8")
    await stop_services(first.app)
    await first.app.shutdown()

    second = await make_harness(url, clock)  # a new process on the same database
    try:
        second.transport.messages.update(first.transport.messages)  # the chat still shows them
        [reply] = await second.press(f"ct:{session}:{trigger}")
        assert "call Sam and go for a walk" in reply.text  # the pull (8) was remembered
    finally:
        await stop_services(second.app)
        await second.app.shutdown()


async def test_forged_buttons_never_reach_someone_elses_check_in(harness: Harness) -> None:
    mine = await a_check_in(harness)
    await harness.send("/checkin", user=2)
    # User 2 presses user 1's check-in (data forged onto a message of their own).
    for forged in (f"cp:{mine}:5", f"cw:{mine}:other", f"cf:{mine}:1", f"cc:{mine}:20000:call"):
        harness.transport.messages[(2, harness.chat.last_message_id(2))].buttons.append(
            [("x", forged)]
        )
        [reply] = await harness.press(forged, user=2)
        assert "has closed" in reply.text, forged
    session = await harness.services.repo.checkin(1, mine)
    assert session.pull is None and session.answer is None
    # Data that was never on the message is refused before any handler.
    [refused] = await harness.press(f"cp:{mine}:6")
    assert "h" in buttons(refused)
    for bad in ("cp:1:11", "cw:1:trigger", "cf:1:3", "ct:1:x"):
        harness.transport.messages[(1, 1)].buttons.append([("x", bad)])
        [menu] = await harness.press(bad)
        assert "expired" in menu.text, bad


async def test_every_check_in_screen_has_help_now(harness: Harness) -> None:
    trigger = await add_trigger_with_plan(harness)
    session = await a_check_in(harness)
    screens = [f"cp:{session}:8", f"ct:{session}:{trigger}", f"cg:{session}", f"cf:{session}:1"]
    for data in screens:
        [reply] = await harness.press(data)
        assert "h" in buttons(reply), data


async def test_a_check_in_carries_pause_and_stop_these(harness: Harness) -> None:
    await add_checkin(harness, harness.clock.now() + timedelta(minutes=1))
    harness.clock.advance(timedelta(minutes=1))
    [message] = checkins_in(await harness.deliver())
    assert {"ch", "so", "h"} <= set(buttons(message))


async def test_a_high_pull_offers_their_own_journal_entries(harness: Harness) -> None:
    from bot.callbacks import JournalNew, JournalRecent

    await harness.send("/journal")
    await harness.press(JournalNew())
    await harness.send("He promised again and broke it the same week")
    await harness.send("tired")
    session = await a_check_in(harness)
    await harness.press(f"cp:{session}:9")
    [reply] = await harness.press(f"cw:{session}:other")
    assert JournalRecent().pack() in buttons(reply)
    [mine] = await harness.press(JournalRecent())
    assert "He promised again and broke it the same week" in mine.text


async def test_stop_pauses_check_ins_and_checkins_resumes_them(harness: Harness) -> None:
    await add_checkin(harness, harness.clock.now() + timedelta(minutes=1))
    [stopped] = await harness.send("/stop")  # one tap: the command itself stops everything
    assert "won't send you anything" in stopped.text
    assert await harness.services.repo.checkins_paused(1)
    harness.clock.advance(timedelta(minutes=1))
    assert checkins_in(await harness.deliver()) == []  # /stop: nothing unprompted
    [home] = await harness.send("/checkins")
    assert "chr" in buttons(home)
    await harness.press("chr")
    assert not await harness.services.repo.checkins_paused(1)
