"""A check-in conversation: how strong the pull is (0-10), what is going on, and a reply that
fits. Its state is a row in `checkins` (step, pull, answer), and every button carries that
row's id, so a restart in the middle resumes where it was. One is open at a time; unanswered,
it closes quietly after CHECKIN_EXPIRY.

```mermaid
flowchart LR
  msg[check-in: 0-10, or type it] -->|own trigger's check-in| reply
  msg --> what{what's going on?}
  what -->|a trigger or other| reply[by the pull: a word / plan + grounding + follow-up]
  what -->|they contacted me| hoover[hoovering, a pause, log date and channel]
  what -->|I reached out| slip[no shame; a slip on the counter]
  what -->|I'm not safe| crisis[the crisis reply]
```
"""

from __future__ import annotations

import random
import re
from datetime import timedelta

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import counter
from bot.callbacks import (
    CheckinClose,
    CheckinElse,
    CheckinFollow,
    CheckinGround,
    CheckinNow,
    CheckinPull,
    CheckinTrigger,
    CheckinWhat,
    ContactDateAsk,
    ContactLog,
    JournalRecent,
    Progress,
    ShowTopic,
    TriggerAdd,
    TriggerPlan,
)
from bot.checkins import words
from bot.checkins.dispatch import pull_step
from bot.checkins.render import pull_rows
from bot.checkins.spec import in_hours
from bot.context import BotContext
from bot.domain import (
    Answer,
    ContactMode,
    Repeat,
    SessionStatus,
    SessionStep,
    SessionView,
    TriggerView,
)
from bot.handlers import checkins, safety, triggers
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.handlers.daily import user_today
from bot.policy import CHECKIN_EXPIRY, FOLLOW_UP_HOURS, HIGH_PULL, LOW_PULL
from bot.safety.detector import CrisisLevel
from bot.steps import Step

_PULL = re.compile(r"^\s*(\d{1,2})\s*(?:/\s*10|out of 10)?\s*\.?\s*$")


def read_pull(text: str) -> int | None:
    """'8', '8/10', '8 out of 10' -> 8; anything else (or over 10) -> None."""
    match = _PULL.match(text)
    return int(match[1]) if match and int(match[1]) <= 10 else None


async def start_now(update: Update, context: BotContext) -> None:
    """/checkin: a check-in now (or the one already open: never two)."""
    user = await context.user(chat_id(update))
    session = await context.repo.open_checkin(
        user.chat_id,
        context.clock.now(),
        CHECKIN_EXPIRY,
        user_today(context, user),
        pending=pull_step,
    )
    if session.step is SessionStep.WHAT:
        await show_what(update, context, session.id)
        return
    content = context.content
    text = f"{content.ui['ci_now']}\n\n{content.ui['ci_pull_question']}"
    await respond(update, context, text, keyboard(content, pull_rows(content, session.id)))


async def live(update: Update, context: BotContext, session_id: int) -> SessionView | None:
    """The chat's check-in if it is still open; otherwise say it has closed."""
    session = await context.repo.checkin(chat_id(update), session_id)
    if session is not None and session.is_open(context.clock.now()):
        return session
    await gone(update, context)
    return None


async def recent(update: Update, context: BotContext, session_id: int) -> SessionView | None:
    """The chat's check-in, answered or not, while its buttons still make sense."""
    session = await context.repo.checkin(chat_id(update), session_id)
    if session is not None and context.clock.now() < session.expires_at + timedelta(days=1):
        return session
    await gone(update, context)
    return None


async def gone(update: Update, context: BotContext) -> None:
    content = context.content
    rows = [[button(content, "btn_ci_now", CheckinNow())]]
    await respond(update, context, content.ui["ci_gone"], keyboard(content, rows))


async def pull_pressed(update: Update, context: BotContext) -> None:
    data = CheckinPull.of(update)
    await take_pull(update, context, data.session, data.value)


async def typed_pull(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """A typed number answers the check-in waiting for one."""
    value = read_pull(text)
    if value is None or not step.data.isdigit():
        return False
    await take_pull(update, context, int(step.data), value)
    return True


async def take_pull(update: Update, context: BotContext, session_id: int, value: int) -> None:
    """Record the pull; a trigger's own check-in replies at once, others ask what's going on."""
    session = await live(update, context, session_id)
    if session is None:
        return
    chat, now = session.chat_id, context.clock.now()
    trigger = await context.repo.trigger(chat, session.trigger_id) if session.trigger_id else None
    if trigger is None:
        await context.repo.update_checkin(chat, session.id, now, step=SessionStep.WHAT, pull=value)
        await show_what(update, context, session.id)
        return
    done = await context.repo.update_checkin(
        chat,
        session.id,
        now,
        step=SessionStep.DONE,
        pull=value,
        answer=Answer.TRIGGER,
        trigger=trigger,
        status=SessionStatus.ANSWERED,
    )
    assert done is not None
    await reply(update, context, done, trigger, own_checkin=True)


async def show_what(update: Update, context: BotContext, session_id: int) -> None:
    """Their triggers as buttons, and the answers everyone has."""
    content = context.content
    own = await context.repo.triggers(chat_id(update))
    names = [
        labelled(words.label(triggers.name_of(context, t)), CheckinTrigger(session_id, t.id))
        for t in own
    ]
    rows: list[list[InlineKeyboardButton]] = [names[i : i + 2] for i in range(0, len(names), 2)]
    rows += [
        [button(content, f"btn_ci_{answer}", CheckinWhat(session_id, answer))]
        for answer in (Answer.CONTACTED, Answer.REACHED_OUT, Answer.OTHER, Answer.UNSAFE)
    ]
    await respond(update, context, content.ui["ci_what"], keyboard(content, rows))


async def something_else(update: Update, context: BotContext) -> None:
    """After a trigger's own check-in: something else is going on."""
    session = await recent(update, context, CheckinElse.of(update).session)
    if session is None:
        return
    await context.repo.update_checkin(
        session.chat_id, session.id, context.clock.now(), step=SessionStep.WHAT
    )
    await show_what(update, context, session.id)


async def what_pressed(update: Update, context: BotContext) -> None:
    data = CheckinWhat.of(update)
    session = await live(update, context, data.session)
    if session is not None:
        await answer(update, context, session, data.answer, None)


async def trigger_pressed(update: Update, context: BotContext) -> None:
    data = CheckinTrigger.of(update)
    session = await live(update, context, data.session)
    if session is None:
        return
    trigger = await context.repo.trigger(session.chat_id, data.trigger)
    if trigger is None:
        await show_what(update, context, session.id)
        return
    await answer(update, context, session, Answer.TRIGGER, trigger)


async def answer(
    update: Update,
    context: BotContext,
    session: SessionView,
    what: Answer,
    trigger: TriggerView | None,
) -> None:
    """Record what is going on, and reply to it."""
    done = await context.repo.update_checkin(
        session.chat_id,
        session.id,
        context.clock.now(),
        step=SessionStep.DONE,
        answer=what,
        trigger=trigger,
        status=SessionStatus.ANSWERED,
    )
    if done is None:
        return
    if what is Answer.UNSAFE:
        await unsafe(update, context)
    elif what is Answer.CONTACTED:
        await contacted(update, context, done)
    elif what is Answer.REACHED_OUT:
        await reached_out(update, context, done)
    else:
        await reply(update, context, done, trigger, own_checkin=False)


def level_of(pull: int | None) -> str:
    if pull is None or pull <= LOW_PULL:
        return "low"
    return "high" if pull >= HIGH_PULL else "mid"


async def reply(
    update: Update,
    context: BotContext,
    session: SessionView,
    trigger: TriggerView | None,
    *,
    own_checkin: bool,
) -> None:
    """Low: a brief word. Higher: the situation's note, the user's own plan (or reasons), and
    a follow-up; high also gets a grounding exercise right here."""
    content, rng = context.content, random.Random(session.id)
    level = level_of(session.pull)
    parts = [rng.choice(content.checkins.replies[level])]
    rows: list[list[InlineKeyboardButton]] = []
    if level != "low":
        parts += await own_words(context, session, trigger, rows)
    if level == "high":
        parts.append(grounding(context, rng))
        repo = context.repo
        if repo.keyring is not None and await repo.journal_count(session.chat_id):
            # Their own record of what happened, when the pull is strongest.
            rows.append([button(content, "btn_journal_recent", JournalRecent())])
    elif level == "mid":
        rows.append([button(content, "btn_ci_ground", CheckinGround(session.id))])
    if level != "low":
        parts.append(content.ui["ci_follow_offer"])
        rows.append(follow_row(context, session.id))
    if trigger is None:
        parts.append(rng.choice(content.checkins.replies["other"]))
        rows.append([button(content, "btn_tr_add", TriggerAdd())])
    if own_checkin:
        rows.append([button(content, "btn_ci_else", CheckinElse(session.id))])
    await respond(update, context, "\n\n".join(parts), keyboard(content, rows))


async def own_words(
    context: BotContext,
    session: SessionView,
    trigger: TriggerView | None,
    rows: list[list[InlineKeyboardButton]],
) -> list[str]:
    """The trigger's note and the user's plan for it; with no trigger, their reasons."""
    content = context.content
    if trigger is None:
        reasons = triggers.reasons_of(
            context, await context.repo.reasons(session.chat_id), session.chat_id
        )
        markup = {"reasons": words.quoted(reasons)} if reasons else None
        return [content.text("tr_reasons_line", markup=markup)] if markup else []
    parts = []
    kind = content.checkins.kinds.get(trigger.kind.value)
    if kind is not None:
        parts.append(kind.reply)
    plan = triggers.plan_block(context, trigger)
    if plan is None:
        parts.append(content.text("ci_no_plan_yet", title=triggers.name_of(context, trigger)))
        rows.append([button(content, "btn_tr_write_plan", TriggerPlan(trigger.id))])
    else:
        parts.append(plan)
    return parts


def grounding(context: BotContext, rng: random.Random) -> str:
    exercise = rng.choice(context.content.daily.grounding).text
    return f"{context.content.ui['ci_grounding_title']}\n{exercise}"


def follow_row(context: BotContext, session_id: int) -> list[InlineKeyboardButton]:
    content = context.content
    return [
        labelled(content.text("btn_ci_follow", hours=h), CheckinFollow(session_id, h))
        for h in FOLLOW_UP_HOURS
    ]


async def ground(update: Update, context: BotContext) -> None:
    """A grounding exercise, now."""
    session = await recent(update, context, CheckinGround.of(update).session)
    if session is None:
        return
    text = grounding(context, random.Random())
    rows = [follow_row(context, session.id)]
    await respond(update, context, text, keyboard(context.content, rows))


async def follow_up(update: Update, context: BotContext) -> None:
    """Check on me again in a few hours: a one-off check-in, about the same situation."""
    data = CheckinFollow.of(update)
    session = await recent(update, context, data.session)
    if session is None:
        return
    trigger = session.answer_trigger_id or session.trigger_id or 0
    if trigger and await context.repo.trigger(session.chat_id, trigger) is None:
        trigger = 0
    due = in_hours(context.clock.now(), data.hours)
    await checkins.schedule_once(update, context, due, trigger, Repeat.FOLLOWUP)


async def unsafe(update: Update, context: BotContext) -> None:
    """'I'm not safe': the crisis reply, with the user's country's lines."""
    chat = chat_id(update)
    text, markup = safety.crisis_reply(
        context.content, context.country_of(chat), CrisisLevel.DANGER
    )
    await respond(update, context, text, markup)


async def contacted(update: Update, context: BotContext, session: SessionView) -> None:
    """They got in touch: what hoovering is, a pause before replying, and the option to log
    it (the date and the channel only)."""
    content = context.content
    parts = [random.Random(session.id).choice(content.checkins.replies["contacted"])]
    view = await context.repo.no_contact(session.chat_id)
    if view is not None and view.mode is ContactMode.LIMITED:
        parts.append(content.ui["ci_contacted_limited"])
    rows = [
        [
            button(content, "btn_ci_log_today", ContactLog(session.id, 0)),
            button(content, "btn_ci_log_yesterday", ContactLog(session.id, 1)),
        ],
        [button(content, "btn_ci_log_other", ContactDateAsk(session.id))],
        [labelled(content.topics["hoovering"].title, ShowTopic("hoovering"))],
    ]
    await respond(update, context, "\n\n".join(parts), keyboard(content, rows))


async def reached_out(update: Update, context: BotContext, session: SessionView) -> None:
    """'I reached out / went back': no shame, and a slip on the counter (nothing erased)."""
    content, repo = context.content, context.repo
    user = await context.user(session.chat_id)
    today = user_today(context, user)
    text = random.Random(session.id).choice(content.checkins.replies["reached_out"])
    view = await repo.no_contact(user.chat_id)
    if view is None:
        text += "\n\n" + content.ui["ci_slip_no_count"]
    else:
        updated = counter.record_slip(view, today)
        await repo.save_no_contact(user.chat_id, updated)
        total = counter.progress(updated, today).total
        text += "\n\n" + content.text("ci_slip_counted", total=words.days(content, total))
    rows = [
        [button(content, "btn_progress", Progress())],
        [labelled(content.topics["relapse"].title, ShowTopic("relapse"))],
    ]
    await respond(update, context, text, keyboard(content, rows))


async def close(update: Update, context: BotContext) -> None:
    """Not now: the check-in closes quietly."""
    session = await live(update, context, CheckinClose.of(update).session)
    if session is None:
        return
    await context.repo.update_checkin(
        session.chat_id,
        session.id,
        context.clock.now(),
        step=SessionStep.DONE,
        status=SessionStatus.CLOSED,
    )
    content = context.content
    await respond(update, context, content.ui["ci_closed"], keyboard(content))


HANDLERS = [
    CommandHandler("checkin", start_now),
    CallbackQueryHandler(start_now, pattern=CheckinNow.pattern()),
    CallbackQueryHandler(pull_pressed, pattern=CheckinPull.pattern()),
    CallbackQueryHandler(close, pattern=CheckinClose.pattern()),
    CallbackQueryHandler(what_pressed, pattern=CheckinWhat.pattern()),
    CallbackQueryHandler(trigger_pressed, pattern=CheckinTrigger.pattern()),
    CallbackQueryHandler(something_else, pattern=CheckinElse.pattern()),
    CallbackQueryHandler(ground, pattern=CheckinGround.pattern()),
    CallbackQueryHandler(follow_up, pattern=CheckinFollow.pattern()),
]
