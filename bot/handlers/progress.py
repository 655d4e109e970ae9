"""/progress: the no-contact counter. A slip restarts the run and keeps everything else."""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import counter
from bot.callbacks import ConfirmStart, Progress, SlipAsk, SlipYes, StartAsk, StartToday
from bot.context import BotContext
from bot.handlers.common import button, chat_id, keyboard, prompt, respond
from bot.handlers.daily import month_first, user_today
from bot.policy import MAX_ANSWER_LENGTH
from bot.scheduling.times import read_date
from bot.steps import Step, Waiting, day_number, from_day_number

# A typed date without a year further back than this is confirmed before counting from it.
CONFIRM_YEAR_AFTER_DAYS = 60


async def show_progress(update: Update, context: BotContext) -> None:
    """Days in a row, the longest run and total days, or how to start counting."""
    content, repo = context.content, context.repo
    user = await context.user(chat_id(update))
    view = await repo.no_contact(user.chat_id)
    if view is None:
        rows = [
            [
                button(content, "btn_start_today", StartToday()),
                button(content, "btn_start_date", StartAsk()),
            ]
        ]
        await respond(update, context, content.ui["progress_none"], keyboard(content, rows))
        return
    p = counter.progress(view, user_today(context, user))
    text = content.text("progress", days=p.current, longest=p.longest, total=p.total)
    rows = [
        [button(content, "btn_slip", SlipAsk())],
        [button(content, "btn_start_date", StartAsk())],
    ]
    await respond(update, context, text, keyboard(content, rows))


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
    updated = counter.record_slip(view, user_today(context, user))
    await repo.save_no_contact(user.chat_id, updated)
    text = content.text("slip_recorded", total=updated.days_before, longest=updated.longest)
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
    CallbackQueryHandler(show_progress, pattern=Progress.pattern()),
    CallbackQueryHandler(confirm_slip, pattern=SlipAsk.pattern()),
    CallbackQueryHandler(record_slip, pattern=SlipYes.pattern()),
    CallbackQueryHandler(start_today, pattern=StartToday.pattern()),
    CallbackQueryHandler(ask_start, pattern=StartAsk.pattern()),
    CallbackQueryHandler(confirmed_start, pattern=ConfirmStart.pattern()),
]
