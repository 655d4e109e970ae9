"""/progress: the no-contact counter. A slip restarts the run and keeps everything else."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import counter
from bot.callbacks import (
    CheckinsHome,
    ConfirmStart,
    CounterMode,
    Progress,
    ProgressPicture,
    SlipAsk,
    SlipYes,
    StartAsk,
    StartToday,
)
from bot.checkins import chart, words
from bot.checkins.history import summary
from bot.context import BotContext
from bot.domain import ContactMode, NoContactView
from bot.handlers import triggers
from bot.handlers.common import button, chat_id, keyboard, prompt, respond
from bot.handlers.daily import month_first, user_today
from bot.policy import MAX_ANSWER_LENGTH
from bot.scheduling.times import read_date
from bot.steps import Step, Waiting, day_number, from_day_number

# A typed date without a year further back than this is confirmed before counting from it.
CONFIRM_YEAR_AFTER_DAYS = 60


async def show_progress(update: Update, context: BotContext) -> None:
    """Days in a row, the longest run and all days together, or how to start counting; then
    the check-in history in a few lines."""
    content, repo = context.content, context.repo
    user = await context.user(chat_id(update))
    view = await repo.no_contact(user.chat_id)
    history = await history_lines(context, user.chat_id, user_today(context, user))
    more = [[button(content, "btn_ci_picture", ProgressPicture())]] if history else []
    more.append([button(content, "btn_checkins", CheckinsHome())])
    if view is None:
        rows = [
            [
                button(content, "btn_start_today", StartToday()),
                button(content, "btn_start_date", StartAsk()),
            ],
            *more,
        ]
        text = "\n\n".join([content.ui["progress_none"], *history])
        await respond(update, context, text, keyboard(content, rows))
        return
    text = "\n\n".join([count_text(context, view, user_today(context, user)), *history])
    other = ContactMode.NONE if view.mode is ContactMode.LIMITED else ContactMode.LIMITED
    rows = [
        [button(content, "btn_slip", SlipAsk())],
        [button(content, "btn_start_date", StartAsk())],
        [button(content, f"btn_mode_{other}", CounterMode(other))],
        *more,
    ]
    await respond(update, context, text, keyboard(content, rows))


def count_text(context: BotContext, view: NoContactView, today: date) -> str:
    """The count in words: '1 day', never 'day 0' (a run after a slip starts tomorrow)."""
    content = context.content
    p = counter.progress(view, today)
    current = words.days(content, p.current) if p.current else content.ui["count_tomorrow"]
    text = content.text(
        "progress",
        mode=content.ui[f"mode_{view.mode}"],
        days=current,
        longest=words.days(content, p.longest),
        total=words.days(content, p.total),
    )
    if view.mode is ContactMode.LIMITED:
        text += "\n\n" + content.ui["count_limited_note"]
    return text


async def history_lines(context: BotContext, chat: int, today: date) -> list[str]:
    """Check-ins answered, the pull lately, what came up most, contacts logged."""
    history = await context.repo.history(chat)
    if not history.checkins and not history.contacts:
        return []
    names = {t.id: triggers.name_of(context, t) for t in await context.repo.triggers(chat)}
    return [summary(context.content, history, names, today)]


async def set_mode(update: Update, context: BotContext) -> None:
    """No contact, or limited contact (co-parents, shared homes, workplaces)."""
    user = await context.user(chat_id(update))
    view = await context.repo.no_contact(user.chat_id)
    if view is not None:
        await context.repo.save_no_contact(
            user.chat_id, counter.set_mode(view, CounterMode.of(update).mode)
        )
    await show_progress(update, context)


async def picture(update: Update, context: BotContext) -> None:
    """The same history as a small chart, with no words on it that say what it is about."""
    user = await context.user(chat_id(update))
    history = await context.repo.history(user.chat_id)
    png = await asyncio.to_thread(chart.render_png, history, user_today(context, user))
    if update.callback_query is not None:
        await update.callback_query.answer()
    content = context.content
    await context.bot.send_photo(
        user.chat_id, png, caption=content.ui["chart_caption"], reply_markup=keyboard(content)
    )


async def confirm_slip(update: Update, context: BotContext) -> None:
    """Check before restarting the count; say plainly that nothing is lost."""
    content = context.content
    rows = [
        [button(content, "btn_slip_yes", SlipYes()), button(content, "btn_not_now", Progress())]
    ]
    await respond(update, context, content.ui["slip_confirm"], keyboard(content, rows))


async def record_slip(update: Update, context: BotContext) -> None:
    """Restart the run today; the next daily note is written for the day after."""
    content, repo = context.content, context.repo
    user = await context.user(chat_id(update))
    view = await repo.no_contact(user.chat_id)
    if view is None:
        await show_progress(update, context)
        return
    today = user_today(context, user)
    updated = counter.record_slip(view, today)
    await repo.save_no_contact(user.chat_id, updated)
    p = counter.progress(updated, today)
    text = content.text(
        "slip_recorded", total=words.days(content, p.total), longest=words.days(content, p.longest)
    )
    await respond(
        update, context, text, keyboard(content, [[button(content, "btn_progress", Progress())]])
    )


async def start_today(update: Update, context: BotContext) -> None:
    user = await context.user(chat_id(update))
    await begin(update, context, user_today(context, user))


async def ask_start(update: Update, context: BotContext) -> None:
    """Ask which day no-contact began."""
    user = await context.user(chat_id(update))
    step = Step(Waiting.NO_CONTACT_START)
    await context.repo.set_pending(user.chat_id, step.format(), context.clock.now())
    await prompt(update, context, "ns_ask", Progress())


async def typed_start(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """A typed start date: today, yesterday, '3 weeks ago', a date in the country's order."""
    user = await context.user(chat_id(update))
    today = user_today(context, user)
    answer = (
        read_date(text, today, future=False, month_first=month_first(context, user))
        if len(text) <= MAX_ANSWER_LENGTH
        else None
    )
    if answer is None:
        return False
    if answer.day > today:
        await prompt(update, context, "ns_bad_date", Progress())
        return True
    if answer.year_guessed and (today - answer.day).days > CONFIRM_YEAR_AFTER_DAYS:
        await confirm_year(update, context, answer.day)
        return True
    await begin(update, context, answer.day)
    return True


async def confirm_year(update: Update, context: BotContext, day: date) -> None:
    """'1 December' typed on 30 November: last year's, or did they mean something else?"""
    content = context.content
    rows = [
        [button(content, "btn_yes_that_day", ConfirmStart(day_number(day)))],
        [button(content, "btn_type_again", StartAsk())],
    ]
    text = content.text("ns_confirm_year", date=day.strftime("%-d %B %Y"))
    await respond(update, context, text, keyboard(content, rows))


async def confirmed_start(update: Update, context: BotContext) -> None:
    user = await context.user(chat_id(update))
    day = from_day_number(ConfirmStart.of(update).day)
    if day > user_today(context, user):
        await prompt(update, context, "ns_bad_date", Progress())
        return
    await begin(update, context, day)


async def begin(update: Update, context: BotContext, start: date) -> None:
    """Set the day no-contact began (today or a past date)."""
    content, repo = context.content, context.repo
    user = await context.user(chat_id(update))
    today = user_today(context, user)
    view = counter.begin(await repo.no_contact(user.chat_id), start)
    await repo.save_no_contact(user.chat_id, view)
    p = counter.progress(view, today)
    text = content.text("ns_saved", days=p.current, date=start.isoformat())
    await respond(
        update, context, text, keyboard(content, [[button(content, "btn_progress", Progress())]])
    )


HANDLERS = [
    CommandHandler("progress", show_progress),
    CallbackQueryHandler(set_mode, pattern=CounterMode.pattern()),  # checkins branch
    CallbackQueryHandler(picture, pattern=ProgressPicture.pattern()),  # checkins branch
    CallbackQueryHandler(show_progress, pattern=Progress.pattern()),
    CallbackQueryHandler(confirm_slip, pattern=SlipAsk.pattern()),
    CallbackQueryHandler(record_slip, pattern=SlipYes.pattern()),
    CallbackQueryHandler(start_today, pattern=StartToday.pattern()),
    CallbackQueryHandler(ask_start, pattern=StartAsk.pattern()),
    CallbackQueryHandler(confirmed_start, pattern=ConfirmStart.pattern()),
]
