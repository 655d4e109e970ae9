"""Journal and plan text is kept whatever it says; danger and self-harm still get the crisis
reply first."""

from bot.callbacks import JournalNew, PlanBuild, PlanShow
from bot.domain import Plan
from tests.conftest import Harness, buttons


async def test_an_entry_that_tells_of_abuse_is_saved_not_answered_as_a_crisis(
    harness: Harness,
) -> None:
    await harness.send("/journal")
    await harness.press(JournalNew())
    [asked] = await harness.send("my husband hits me when he drinks")
    assert "How did it feel" in asked.text and "1-800-799-7233" not in asked.text
    page = await harness.services.repo.journal_page(1, 0, 5)
    assert page.entries[0].what == "my husband hits me when he drinks"


async def test_self_harm_words_in_the_plan_get_the_crisis_reply_and_are_kept(
    harness: Harness,
) -> None:
    await harness.send("/safetyplan")
    await harness.press(PlanShow(Plan.SELF))
    await harness.press(PlanBuild(Plan.SELF))
    replies = await harness.send("when i start thinking i want to die")
    assert "988" in replies[0].text  # the crisis reply, first
    assert "kept" in replies[-1].text
    sections = await harness.services.repo.plan_sections(1, Plan.SELF)
    assert sections == {"signs": "when i start thinking i want to die"}
    # The step ended with the crisis reply, as anywhere else.
    [after] = await harness.send("what is hoovering")
    assert "hoover" in after.text.lower()


async def test_outside_writing_a_disclosure_still_gets_its_reply(harness: Harness) -> None:
    await harness.send("/journal")
    await harness.press(JournalNew())
    await harness.send("/help")  # a command ends writing
    [reply] = await harness.send("my husband hits me when he drinks")
    assert "1-800-799-7233" in reply.text
    assert "h" in buttons(reply)


async def test_a_question_that_ended_elsewhere_is_read_as_an_ordinary_message(
    harness: Harness,
) -> None:
    await harness.send("/journal")
    await harness.press(JournalNew())
    await harness.services.repo.set_pending(1, None, harness.clock.now())  # say, another instance
    [reply] = await harness.send("my husband hits me when he drinks")
    assert "1-800-799-7233" in reply.text
    assert await harness.services.repo.journal_count(1) == 0
