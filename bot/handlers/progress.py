"""/progress: the no-contact counter. A slip restarts the streak and keeps everything else."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import counter
from bot.context import BotContext
from bot.handlers.common import button, chat_id, keyboard, prompt, respond
from bot.handlers.daily import user_today
from bot.scheduling.times import parse_date


async def show_progress(update: Update, context: BotContext) -> None:
    """Current streak, longest streak and total days, or how to start counting."""
    content, repo = context.content, context.repo
    user = await repo.ensure_user(chat_id(update), context.clock.now())
    view = await repo.no_contact(user.chat_id)
    if view is None:
        rows = [
            [
                button(content, "btn_start_today", "ns:today"),
                button(content, "btn_start_date", "ns:ask"),
            ]
        ]
        await respond(update, context, content.ui["progress_none"], keyboard(content, rows))
        return
    p = counter.progress(view, user_today(context, user))
    text = content.text("progress", days=p.current, longest=p.longest, total=p.total)
    rows = [[button(content, "btn_slip", "nc:slip")], [button(content, "btn_start_date", "ns:ask")]]
    await respond(update, context, text, keyboard(content, rows))


async def confirm_slip(update: Update, context: BotContext) -> None:
    """Check before restarting the count; say plainly that nothing is lost."""
    content = context.content
    rows = [[button(content, "btn_slip_yes", "nc:slip:y"), button(content, "btn_not_now", "nc")]]
    await respond(update, context, content.ui["slip_confirm"], keyboard(content, rows))


async def record_slip(update: Update, context: BotContext) -> None:
    """Restart the streak today; the next daily note is written for the day after."""
    content, repo = context.content, context.repo
    user = await repo.ensure_user(chat_id(update), context.clock.now())
    view = await repo.no_contact(user.chat_id)
    if view is None:
        await show_progress(update, context)
        return
    updated = counter.record_slip(view, user_today(context, user))
    await repo.save_no_contact(user.chat_id, updated)
    text = content.text("slip_recorded", total=updated.days_before, longest=updated.longest)
    await respond(
        update, context, text, keyboard(content, [[button(content, "btn_progress", "nc")]])
    )


async def start_today(update: Update, context: BotContext) -> None:
    await begin(update, context, "today")


async def ask_start(update: Update, context: BotContext) -> None:
    """Ask which day no-contact began."""
    await context.repo.ensure_user(chat_id(update), context.clock.now())
    await context.repo.set_pending(chat_id(update), "ns", context.clock.now())
    await prompt(update, context, "ns_ask", "nc")


async def begin(update: Update, context: BotContext, typed: str) -> None:
    """Set the day no-contact began (today or a past date)."""
    content, repo = context.content, context.repo
    user = await repo.ensure_user(chat_id(update), context.clock.now())
    today = user_today(context, user)
    start = parse_date(typed, today, future=False) if len(typed) <= 40 else None
    if start is None or start > today:
        await prompt(update, context, "ns_bad_date", "nc")
        return
    view = counter.begin(await repo.no_contact(user.chat_id), start)
    await repo.save_no_contact(user.chat_id, view)
    await repo.set_pending(user.chat_id, None, context.clock.now())
    p = counter.progress(view, today)
    text = content.text("ns_saved", days=p.current, date=start.isoformat())
    await respond(
        update, context, text, keyboard(content, [[button(content, "btn_progress", "nc")]])
    )


HANDLERS = [
    CommandHandler("progress", show_progress),
    CallbackQueryHandler(show_progress, pattern=r"^nc$"),
    CallbackQueryHandler(confirm_slip, pattern=r"^nc:slip$"),
    CallbackQueryHandler(record_slip, pattern=r"^nc:slip:y$"),
    CallbackQueryHandler(start_today, pattern=r"^ns:today$"),
    CallbackQueryHandler(ask_start, pattern=r"^ns:ask$"),
]
