"""/safetyplan: both plans built step by step, shown, edited part by part, and cleared."""

from bot.callbacks import (
    PlanBuild,
    PlanClearAsk,
    PlanClearPart,
    PlanClearYes,
    PlanEdit,
    PlanSection,
    PlanShow,
    PlanView,
)
from bot.domain import Plan
from bot.handlers.safetyplan import SECTIONS
from bot.policy import PLAN_SECTION_LIMIT
from tests.conftest import Harness, buttons


async def build_all(harness: Harness, plan: Plan) -> list[str]:
    await harness.send("/safetyplan")
    await harness.press(PlanShow(plan))
    [ask] = await harness.press(PlanBuild(plan))
    assert "part 1 of" in ask.text
    answers = [f"my {plan} answer for {s} <ok>" for s in SECTIONS[plan]]
    last: list = []
    for answer in answers:
        last = await harness.send(answer)
    assert "That's every part" in last[0].text
    return answers


async def test_the_safe_plan_is_built_and_shown_with_the_advocate_line(harness: Harness) -> None:
    await harness.send("/safetyplan")
    [intro] = await harness.press(PlanShow(Plan.SAFE))
    assert "most dangerous" in intro.text and "advocate" in intro.text
    assert "1-800-799-7233" in intro.text  # from the hotline data
    answers = await build_all(harness, Plan.SAFE)
    [view] = await harness.press(PlanView(Plan.SAFE))
    for answer in answers:
        assert answer.replace("<ok>", "&lt;ok&gt;") in view.text
    for title in ("Warning signs", "Safe rooms", "code word", "Documents", "Money", "Medication"):
        assert title.lower() in view.text.lower()
    assert "h" in buttons(view)


async def test_the_self_harm_plan_has_stanley_brown_parts_and_crisis_lines(
    harness: Harness,
) -> None:
    await build_all(harness, Plan.SELF)
    [view] = await harness.press(PlanView(Plan.SELF))
    for title in (
        "warning signs",
        "do alone",
        "people and places",
        "ask for help",
        "Professionals and crisis lines",
        "surroundings safer",
    ):
        assert title.lower() in view.text.lower(), title
    assert "988" in view.text  # the country's crisis lines, from the hotline data
    await harness.press(PlanShow(Plan.SELF))
    [part] = await harness.press(PlanSection(Plan.SELF, "pros"))
    assert "988" in part.text


async def test_a_part_is_edited_and_cleared(harness: Harness) -> None:
    await harness.send("/safetyplan")
    await harness.press(PlanShow(Plan.SAFE))
    await harness.press(PlanSection(Plan.SAFE, "documents"))
    [ask] = await harness.press(PlanEdit(Plan.SAFE, "documents"))
    assert str(PLAN_SECTION_LIMIT) in ask.text
    [saved] = await harness.send("passport in the blue folder at my sister's")
    assert "Saved." in saved.text and "blue folder" in saved.text
    await harness.press(PlanEdit(Plan.SAFE, "documents"))
    [changed] = await harness.send("passport at work")
    assert "passport at work" in changed.text and "blue folder" not in changed.text
    [cleared] = await harness.press(PlanClearPart(Plan.SAFE, "documents"))
    assert "passport at work" not in cleared.text
    assert await harness.services.repo.plan_sections(1, Plan.SAFE) == {}


async def test_a_whole_plan_is_cleared_after_one_question(harness: Harness) -> None:
    await build_all(harness, Plan.SELF)
    await harness.press(PlanShow(Plan.SELF))
    [ask] = await harness.press(PlanClearAsk(Plan.SELF))
    assert "can't be brought back" in ask.text
    await harness.press(PlanClearYes(Plan.SELF))
    assert await harness.services.repo.plan_sections(1, Plan.SELF) == {}


async def test_parts_can_be_skipped_while_building(harness: Harness) -> None:
    await harness.send("/safetyplan")
    await harness.press(PlanShow(Plan.SELF))
    await harness.press(PlanBuild(Plan.SELF))
    [second] = await harness.press(PlanEdit(Plan.SELF, "alone", build=True))
    assert "part 2 of 6" in second.text
    await harness.send("music, a walk")
    assert await harness.services.repo.plan_sections(1, Plan.SELF) == {"alone": "music, a walk"}


async def test_too_long_a_part_says_the_limit(harness: Harness) -> None:
    await harness.send("/safetyplan")
    await harness.press(PlanShow(Plan.SAFE))
    await harness.press(PlanBuild(Plan.SAFE))
    [reply] = await harness.send("y" * (PLAN_SECTION_LIMIT + 1))
    assert f"{PLAN_SECTION_LIMIT} characters at most" in reply.text


async def test_crisis_replies_offer_the_matching_plan(harness: Harness) -> None:
    [danger] = await harness.send("he's outside my door right now and he's furious")
    assert "pp:safe" in buttons(danger)
    [self_harm] = await harness.send("i want to die")
    assert "pp:self" in buttons(self_harm)
    [disclosure] = await harness.send("my husband hits me when he drinks")
    assert "t:safety-planning:0" in buttons(disclosure)
