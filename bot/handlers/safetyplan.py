"""/safetyplan: two personal plans, built part by part, each viewable, editable and clearable.

- Staying safe around the other person (myPlan- and hotline-style): warning signs, safe rooms
  and exits, a code word, documents, money, medication, keys, children and pets, who to call,
  phone and account safety. Its intro says leaving and the time after are often the most
  dangerous, and offers the country's domestic-abuse line to make the plan with an advocate.
- When I might hurt myself (Stanley-Brown): warning signs, things I can do alone, people and
  places that help, people I can ask, professionals and crisis lines (the country's, from the
  hotline data), making my surroundings safer.

The crisis replies offer these plans (bot/handlers/safety.py: `crisis_plan_button`).

```mermaid
flowchart LR
  menu[/safetyplan/] --> plan[a plan: its parts]
  plan --> build[build: part 1, 2, ... typed or skipped] --> view
  plan --> part[a part] --> edit[write it] --> part
  part --> clearpart[clear it]
  plan --> view[the whole plan, with helplines] & clear[clear the plan, asked once]
```
"""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.callbacks import (
    CallbackData,
    PlanBuild,
    PlanClearAsk,
    PlanClearPart,
    PlanClearYes,
    PlanEdit,
    PlanMenu,
    PlanSection,
    PlanShow,
    PlanView,
)
from bot.content import Content
from bot.context import BotContext
from bot.domain import Plan
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.handlers.hotline import render_lines
from bot.policy import PLAN_SECTION_LIMIT
from bot.privacy.screens import no_key, respond_parts, too_long
from bot.privacy.state import start_writing
from bot.steps import Step, Waiting

# Each plan's parts, in the order they are built. Texts: ui `plan_<plan>_<part>` (the question)
# and `btn_plan_<plan>_<part>` (its title).
SECTIONS: dict[Plan, tuple[str, ...]] = {
    Plan.SAFE: (
        "signs",
        "exits",
        "code",
        "documents",
        "cash",
        "medication",
        "keys",
        "children",
        "call",
        "phone",
    ),
    Plan.SELF: ("signs", "alone", "places", "people", "pros", "surroundings"),
}
# Helplines shown with a plan: the advocate to make the safe plan with, the crisis lines of
# the self-harm plan's "professionals and crisis lines" part.
PLAN_LINES = {Plan.SAFE: ("domestic_abuse",), Plan.SELF: ("crisis",)}
LINES_PART = {Plan.SAFE: "call", Plan.SELF: "pros"}


def title(content: Content, plan: Plan, section: str) -> str:
    return content.ui[f"btn_plan_{plan}_{section}"]


def lines(update: Update, context: BotContext, plan: Plan) -> str:
    """The plan's helplines for the user's country, from the hotline data."""
    country = context.content.country(context.country_of(chat_id(update)))
    return render_lines(context.content, country, PLAN_LINES[plan])


def next_section(plan: Plan, section: str) -> str | None:
    parts = SECTIONS[plan]
    index = parts.index(section) + 1
    return parts[index] if index < len(parts) else None


def valid(plan: Plan, section: str) -> bool:
    return section in SECTIONS[plan]


async def plans_menu(update: Update, context: BotContext) -> None:
    """/safetyplan: the two plans."""
    content = context.content
    rows = [
        [button(content, "btn_plan_safe", PlanShow(Plan.SAFE))],
        [button(content, "btn_plan_self", PlanShow(Plan.SELF))],
    ]
    await respond(update, context, content.ui["plans_menu"], keyboard(content, rows))


async def show_plan(update: Update, context: BotContext, plan: Plan | None = None) -> None:
    """One plan: why it matters, its parts (✓ written), build, show, clear."""
    content, repo = context.content, context.repo
    plan = plan or PlanShow.of(update).plan
    user = await context.user(chat_id(update))
    if repo.keyring is None:
        await no_key(update, context)
        return
    written = await repo.plan_sections(user.chat_id, plan)
    rows: list[list[InlineKeyboardButton]] = [
        [
            button(content, "btn_plan_build", PlanBuild(plan)),
            button(content, "btn_plan_view", PlanView(plan)),
        ]
    ]
    for section in SECTIONS[plan]:
        mark = "✓" if section in written else "○"
        label = f"{mark} {title(content, plan, section)}"
        rows.append([labelled(label, PlanSection(plan, section))])
    if written:
        rows.append([button(content, "btn_plan_clear", PlanClearAsk(plan))])
    rows.append([button(content, "btn_plans", PlanMenu())])
    text = content.text(f"plan_{plan}_intro", markup={"lines": lines(update, context, plan)})
    await respond(update, context, text, keyboard(content, rows))


def part_text(
    update: Update,
    context: BotContext,
    plan: Plan,
    section: str,
    written: str | None,
    *,
    asking: bool,
) -> str:
    """A part: its title and question, what the user wrote, helplines where they belong."""
    content = context.content
    parts = SECTIONS[plan]
    head = content.text(
        "plan_part_head",
        title=title(content, plan, section),
        count=parts.index(section) + 1,
        total=len(parts),
    )
    blocks = [head, content.ui[f"plan_{plan}_{section}"]]
    if section == LINES_PART[plan]:
        blocks.append(lines(update, context, plan))
    if written:
        blocks.append(content.text("plan_written", markup={"body": html.escape(written, False)}))
    if asking:
        blocks.append(content.text("plan_ask", limit=PLAN_SECTION_LIMIT))
    return "\n\n".join(blocks)


async def show_section(
    update: Update,
    context: BotContext,
    plan: Plan | None = None,
    section: str | None = None,
    *,
    saved: bool = False,
) -> None:
    """One part, with Write, Clear, Next and Back."""
    content, repo = context.content, context.repo
    if plan is None or section is None:
        pressed = PlanSection.of(update)
        plan, section = pressed.plan, pressed.section
    if not valid(plan, section) or repo.keyring is None:
        await show_plan(update, context, plan)
        return
    written = (await repo.plan_sections(chat_id(update), plan)).get(section)
    rows = [[button(content, "btn_plan_write", PlanEdit(plan, section))]]
    if written:
        rows.append([button(content, "btn_plan_clear_part", PlanClearPart(plan, section))])
    after = next_section(plan, section)
    nav: list[InlineKeyboardButton] = [button(content, "btn_plan_back", PlanShow(plan))]
    if after is not None:
        nav.append(button(content, "btn_plan_next", PlanSection(plan, after)))
    rows.append(nav)
    text = part_text(update, context, plan, section, written, asking=False)
    if saved:
        text = f"{content.ui['plan_saved']}\n\n{text}"
    await respond(update, context, text, keyboard(content, rows))


async def ask_section(
    update: Update, context: BotContext, plan: Plan, section: str, *, build: bool
) -> None:
    """Ask for one part in words; while building, Skip moves on and Stop goes back."""
    content, repo = context.content, context.repo
    cid = chat_id(update)
    written = (await repo.plan_sections(cid, plan)).get(section)
    step = Step(Waiting.PLAN_SECTION, arg=f"{plan}.{section}.{'b' if build else 'e'}")
    await repo.set_pending(cid, step.format(), context.clock.now())
    start_writing(context, cid, step)
    after = next_section(plan, section)
    if build:
        skip: CallbackData = PlanEdit(plan, after, build=True) if after else PlanView(plan)
        rows = [
            [button(content, "btn_plan_skip", skip)],
            [button(content, "btn_plan_stop", PlanShow(plan))],
        ]
    else:
        rows = [[button(content, "btn_cancel", PlanSection(plan, section))]]
    text = part_text(update, context, plan, section, written, asking=True)
    await respond(update, context, text, keyboard(content, rows))


async def edit_section(update: Update, context: BotContext) -> None:
    pressed = PlanEdit.of(update)
    if not valid(pressed.plan, pressed.section) or context.repo.keyring is None:
        await show_plan(update, context, pressed.plan)
        return
    await ask_section(update, context, pressed.plan, pressed.section, build=pressed.build)


async def build(update: Update, context: BotContext) -> None:
    """Step by step, from the first part not yet written."""
    plan = PlanBuild.of(update).plan
    if context.repo.keyring is None:
        await no_key(update, context)
        return
    written = await context.repo.plan_sections(chat_id(update), plan)
    first = next((s for s in SECTIONS[plan] if s not in written), SECTIONS[plan][0])
    await ask_section(update, context, plan, first, build=True)


def read_arg(arg: str | None) -> tuple[Plan, str, bool] | None:
    plan_value, section, mode = ([*(arg or "").split("."), "", ""])[:3]
    try:
        plan = Plan(plan_value)
    except ValueError:
        return None
    return (plan, section, mode == "b") if valid(plan, section) else None


async def typed_section(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """A part typed: saved; while building, the next part is asked, the whole plan at the end."""
    target = read_arg(step.arg)
    if target is None:
        return False
    plan, section, building = target
    if len(text) > PLAN_SECTION_LIMIT:
        start_writing(context, chat_id(update), step)  # still waiting for it
        back = PlanShow(plan) if building else PlanSection(plan, section)
        await too_long(update, context, PLAN_SECTION_LIMIT, back)
        return True
    if context.repo.keyring is None:
        await no_key(update, context)
        return True
    await context.repo.save_plan_section(chat_id(update), plan, section, text, context.clock.now())
    if not building:
        await show_section(update, context, plan, section, saved=True)
        return True
    after = next_section(plan, section)
    if after is None:
        await view_plan(update, context, plan, done=True)
    else:
        await ask_section(update, context, plan, after, build=True)
    return True


async def view_plan(
    update: Update, context: BotContext, plan: Plan | None = None, *, done: bool = False
) -> None:
    """The whole plan as written, with the country's lines; long plans come in parts."""
    content, repo = context.content, context.repo
    plan = plan or PlanView.of(update).plan
    if repo.keyring is None:
        await no_key(update, context)
        return
    written = await repo.plan_sections(chat_id(update), plan)
    head = content.text("plan_view_head", title=content.ui[f"btn_plan_{plan}"])
    parts = [f"{content.ui['plan_done']}\n\n{head}" if done else head]
    if not written:
        parts.append(content.ui["plan_view_empty"])
    for section in SECTIONS[plan]:
        body = written.get(section)
        shown = html.escape(body, False) if body else content.ui["plan_not_written"]
        parts.append(f"<b>{html.escape(title(content, plan, section), False)}</b>\n{shown}")
    parts.append(f"{content.ui['plan_lines_head']}\n\n{lines(update, context, plan)}")
    rows = [
        [button(content, "btn_plan_build", PlanBuild(plan))],
        [button(content, "btn_plan_back", PlanShow(plan))],
    ]
    await respond_parts(update, context, parts, keyboard(content, rows))


async def clear_part(update: Update, context: BotContext) -> None:
    pressed = PlanClearPart.of(update)
    if valid(pressed.plan, pressed.section):
        await context.repo.clear_plan(chat_id(update), pressed.plan, pressed.section)
    await show_section(update, context, pressed.plan, pressed.section)


async def ask_clear(update: Update, context: BotContext) -> None:
    content = context.content
    plan = PlanClearAsk.of(update).plan
    rows = [
        [
            button(content, "btn_plan_clear_yes", PlanClearYes(plan)),
            button(content, "btn_keep", PlanShow(plan)),
        ]
    ]
    text = content.text("plan_clear_confirm", title=content.ui[f"btn_plan_{plan}"])
    await respond(update, context, text, keyboard(content, rows))


async def clear_plan(update: Update, context: BotContext) -> None:
    plan = PlanClearYes.of(update).plan
    await context.repo.clear_plan(chat_id(update), plan)
    await show_plan(update, context, plan)


def crisis_plan_button(content: Content, level: str) -> InlineKeyboardButton | None:
    """The plan a crisis reply offers: danger the safe plan, self-harm the other one."""
    plan = {"danger": Plan.SAFE, "self_harm": Plan.SELF}.get(level)
    if plan is None:
        return None
    return button(content, f"btn_plan_{plan}_crisis", PlanShow(plan))


PRIVATE = filters.ChatType.PRIVATE
HANDLERS = [
    CommandHandler("safetyplan", plans_menu, filters=PRIVATE),
    CallbackQueryHandler(plans_menu, pattern=PlanMenu.pattern()),
    CallbackQueryHandler(show_plan, pattern=PlanShow.pattern()),
    CallbackQueryHandler(view_plan, pattern=PlanView.pattern()),
    CallbackQueryHandler(show_section, pattern=PlanSection.pattern()),
    CallbackQueryHandler(edit_section, pattern=PlanEdit.pattern()),
    CallbackQueryHandler(build, pattern=PlanBuild.pattern()),
    CallbackQueryHandler(clear_part, pattern=PlanClearPart.pattern()),
    CallbackQueryHandler(ask_clear, pattern=PlanClearAsk.pattern()),
    CallbackQueryHandler(clear_plan, pattern=PlanClearYes.pattern()),
]
