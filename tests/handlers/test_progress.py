from datetime import UTC, datetime, timedelta

from tests.conftest import Harness, buttons


async def test_counter_start_slip_and_progress(harness: Harness) -> None:
    [none] = await harness.send("/progress")
    assert "nst" in buttons(none) and "safety plan" in none.text
    await harness.press("nsa")
    [bad] = await harness.send("next tuesday")
    assert "couldn't read" in bad.text
    [future] = await harness.send("2027-01-01")
    assert "couldn't read" in future.text
    [saved] = await harness.send("2026-11-01")
    assert "today is day <b>21</b>" in saved.text  # 1 to 21 November: day 1 is the first
    [progress] = await harness.send("/progress")
    assert "Days in a row: <b>21 days</b>" in progress.text
    assert "All days together: 21 days" in progress.text
    assert "streak" not in progress.text.lower()
    [confirm] = await harness.press("ncs")
    assert "isn't a failure" in confirm.text
    [done] = await harness.press("ncy")
    assert "20 days all together" in done.text  # the slip day itself is not counted
    [progress] = await harness.send("/progress")
    assert "a new run starts tomorrow" in progress.text and "day 0" not in progress.text
    harness.clock.advance(timedelta(days=3))
    [progress] = await harness.send("/progress")
    assert "Days in a row: <b>3 days</b>" in progress.text
    assert "Longest run: 20 days" in progress.text and "All days together: 23 days" in progress.text


async def test_next_note_after_a_slip_is_written_for_it(harness: Harness, content: object) -> None:
    await harness.subscribe("e", "9", "UTC")
    await harness.press("na:encouragement:0")  # notifications: nobody else sees them
    [started] = await harness.press("nst")
    assert "Counting from" in started.text
    await harness.send("/progress")
    await harness.press("ncs")
    await harness.press("ncy")
    harness.clock.set(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    [note] = await harness.deliver()
    slip_texts = [e.text.split("{")[0][:30] for e in content.daily.after_slip]  # type: ignore[attr-defined]
    assert any(t in note.text for t in slip_texts)
    # The day after, back to the ordinary notes.
    harness.clock.advance(timedelta(days=1))
    [next_note] = await harness.deliver()
    assert not any(t in next_note.text for t in slip_texts)
