"""/journal: a factual reality-check journal (seed 002): dated entries of what happened and how
it felt; list, read, change the date, delete one, delete all. Text is sealed before storage.

```mermaid
flowchart LR
  home[/journal/] --> new[What happened?] --> felt[How did it feel? or Skip] --> entry
  home --> entry[an entry] --> day[change the date] & del[delete, asked once]
  home --> all[delete all, asked once]
  urge["'i want to text him'"] --> recent[your recent entries]
```
"""

from __future__ import annotations

import html
from datetime import date

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.callbacks import (
    JournalAskDay,
    JournalDeleteAllAsk,
    JournalDeleteAllYes,
    JournalDeleteAsk,
    JournalDeleteYes,
    JournalHome,
    JournalNew,
    JournalRead,
    JournalRecent,
    JournalSkipFelt,
)
from bot.content import Content
from bot.context import BotContext
from bot.domain import JournalEntryView
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.handlers.daily import month_first, user_today
from bot.policy import (
    JOURNAL_FELT_LIMIT,
    JOURNAL_MAX_ENTRIES,
    JOURNAL_PAGE_SIZE,
    JOURNAL_RECENT,
    JOURNAL_WHAT_LIMIT,
    MAX_ANSWER_LENGTH,
)
from bot.privacy.screens import no_key, respond_parts, too_long
from bot.privacy.state import start_writing
from bot.scheduling.times import read_date
from bot.steps import Step, Waiting

PREVIEW = 24  # characters of an entry shown on its button


def day_label(day: date) -> str:
    return day.strftime("%a %-d %b %Y")


def entry_text(content: Content, entry: JournalEntryView) -> str:
    """An entry as Telegram HTML: the user's words escaped."""
    felt = html.escape(entry.felt, quote=False) if entry.felt else content.ui["journal_felt_none"]
    return content.text(
        "journal_entry", markup={"felt": felt}, date=day_label(entry.day), what=entry.what
    )


def entry_button(entry: JournalEntryView) -> InlineKeyboardButton:
    first = " ".join(entry.what.split())
    preview = first if len(first) <= PREVIEW else first[: PREVIEW - 1] + "…"
    return labelled(f"📅 {day_label(entry.day)} · {preview}", JournalRead(entry.id))


def entry_rows(content: Content, entry: JournalEntryView) -> list[list[InlineKeyboardButton]]:
    return [
        [
            button(content, "btn_journal_day", JournalAskDay(entry.id)),
            button(content, "btn_journal_delete", JournalDeleteAsk(entry.id)),
        ],
        [button(content, "btn_journal_all", JournalHome(0))],
    ]


async def journal_home(update: Update, context: BotContext) -> None:
    """/journal: what it is for, and the entries, newest first, a page at a time."""
    content, repo = context.content, context.repo
    if repo.keyring is None:
        await no_key(update, context)
        return
    pressed = JournalHome.parse(update.callback_query.data) if update.callback_query else None
    page = pressed.page if pressed else 0
    cid = chat_id(update)
    result = await repo.journal_page(cid, page * JOURNAL_PAGE_SIZE, JOURNAL_PAGE_SIZE)
    if page and not result.entries:
        page, result = 0, await repo.journal_page(cid, 0, JOURNAL_PAGE_SIZE)
    rows = [[button(content, "btn_journal_new", JournalNew())]]
    rows += [[entry_button(e)] for e in result.entries]
    paging = []
    if page > 0:
        paging.append(button(content, "btn_newer", JournalHome(page - 1)))
    if (page + 1) * JOURNAL_PAGE_SIZE < result.total:
        paging.append(button(content, "btn_older", JournalHome(page + 1)))
    rows += [paging] if paging else []
    if result.total:
        rows.append([button(content, "btn_journal_delete_all", JournalDeleteAllAsk())])
    status = (
        content.text("journal_count", count=result.total)
        if result.total
        else content.ui["journal_empty"]
    )
    text = content.text("journal_home", markup={"status": status})
    await respond(update, context, text, keyboard(content, rows))


async def new_entry(update: Update, context: BotContext) -> None:
    """Ask what happened."""
    content, repo = context.content, context.repo
    if repo.keyring is None:
        await no_key(update, context)
        return
    cid = chat_id(update)
    if await repo.journal_count(cid) >= JOURNAL_MAX_ENTRIES:
        await full(update, context)
        return
    step = Step(Waiting.JOURNAL_WHAT)
    await repo.set_pending(cid, step.format(), context.clock.now())
    start_writing(context, cid, step)
    rows = [[button(content, "btn_cancel", JournalHome(0))]]
    text = content.text("journal_ask_what", limit=JOURNAL_WHAT_LIMIT)
    await respond(update, context, text, keyboard(content, rows))


async def full(update: Update, context: BotContext) -> None:
    content = context.content
    rows = [[button(content, "btn_journal_all", JournalHome(0))]]
    text = content.text("journal_full", limit=JOURNAL_MAX_ENTRIES)
    await respond(update, context, text, keyboard(content, rows))


async def typed_what(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """What happened: saved at once (dated today), then how it felt."""
    content, repo, now = context.content, context.repo, context.clock.now()
    if len(text) > JOURNAL_WHAT_LIMIT:
        start_writing(context, chat_id(update), step)  # still waiting for it
        await too_long(update, context, JOURNAL_WHAT_LIMIT, JournalHome(0))
        return True
    if repo.keyring is None:
        await no_key(update, context)
        return True
    user = await context.user(chat_id(update))
    entry_id = await repo.add_entry(
        user.chat_id, user_today(context, user), text, now, JOURNAL_MAX_ENTRIES
    )
    if entry_id is None:
        await full(update, context)
        return True
    step = Step(Waiting.JOURNAL_FELT, arg=str(entry_id))
    await repo.set_pending(user.chat_id, step.format(), now)
    start_writing(context, user.chat_id, step)
    rows = [[button(content, "btn_skip", JournalSkipFelt(entry_id))]]
    text = content.text("journal_ask_felt", limit=JOURNAL_FELT_LIMIT)
    await respond(update, context, text, keyboard(content, rows))
    return True


async def typed_felt(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """How it felt: added to the entry just written, which is then shown."""
    entry_id = int(step.arg) if step.arg and step.arg.isdigit() else None
    if entry_id is None:
        return False
    if len(text) > JOURNAL_FELT_LIMIT:
        start_writing(context, chat_id(update), step)  # still waiting for it
        await too_long(update, context, JOURNAL_FELT_LIMIT, JournalRead(entry_id))
        return True
    await context.repo.set_entry_felt(chat_id(update), entry_id, text)
    await show_entry(update, context, entry_id, saved=True)
    return True


async def skip_felt(update: Update, context: BotContext) -> None:
    entry_id = JournalSkipFelt.of(update).entry
    await context.repo.set_pending(chat_id(update), None, context.clock.now())
    await show_entry(update, context, entry_id, saved=True)


async def show_entry(
    update: Update, context: BotContext, entry_id: int, *, saved: bool = False
) -> None:
    content = context.content
    entry = await context.repo.entry(chat_id(update), entry_id)
    if entry is None:
        await journal_home(update, context)
        return
    text = entry_text(content, entry)
    if saved:
        text = f"{content.ui['journal_saved']}\n\n{text}"
    await respond(update, context, text, keyboard(content, entry_rows(content, entry)))


async def read_entry(update: Update, context: BotContext) -> None:
    """One entry, only in the chat that wrote it."""
    await show_entry(update, context, JournalRead.of(update).entry)


async def ask_day(update: Update, context: BotContext) -> None:
    content = context.content
    entry_id = JournalAskDay.of(update).entry
    step = Step(Waiting.JOURNAL_DAY, arg=str(entry_id))
    await context.repo.set_pending(chat_id(update), step.format(), context.clock.now())
    rows = [[button(content, "btn_cancel", JournalRead(entry_id))]]
    await respond(update, context, content.ui["journal_ask_day"], keyboard(content, rows))


async def typed_day(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """The day an entry is about: today, yesterday, '3 weeks ago', a date."""
    entry_id = int(step.arg) if step.arg and step.arg.isdigit() else None
    user = await context.user(chat_id(update))
    today = user_today(context, user)
    answer = (
        read_date(text, today, future=False, month_first=month_first(context, user))
        if len(text) <= MAX_ANSWER_LENGTH and entry_id is not None
        else None
    )
    if answer is None or entry_id is None:
        return False
    if answer.day > today:
        content = context.content
        rows = [[button(content, "btn_cancel", JournalRead(entry_id))]]
        await respond(update, context, content.ui["journal_bad_day"], keyboard(content, rows))
        return True
    await context.repo.set_entry_day(user.chat_id, entry_id, answer.day)
    await show_entry(update, context, entry_id)
    return True


async def ask_delete(update: Update, context: BotContext) -> None:
    content = context.content
    entry_id = JournalDeleteAsk.of(update).entry
    rows = [
        [
            button(content, "btn_delete_yes", JournalDeleteYes(entry_id)),
            button(content, "btn_keep", JournalRead(entry_id)),
        ]
    ]
    await respond(update, context, content.ui["journal_delete_confirm"], keyboard(content, rows))


async def delete_entry(update: Update, context: BotContext) -> None:
    await context.repo.delete_entry(chat_id(update), JournalDeleteYes.of(update).entry)
    await journal_home(update, context)


async def ask_delete_all(update: Update, context: BotContext) -> None:
    content = context.content
    count = await context.repo.journal_count(chat_id(update))
    rows = [
        [
            button(content, "btn_delete_yes", JournalDeleteAllYes()),
            button(content, "btn_keep", JournalHome(0)),
        ]
    ]
    text = content.text("journal_delete_all_confirm", count=count)
    await respond(update, context, text, keyboard(content, rows))


async def delete_all(update: Update, context: BotContext) -> None:
    await context.repo.delete_all_entries(chat_id(update))
    await journal_home(update, context)


async def recent(update: Update, context: BotContext) -> None:
    """The user's own latest entries, in full: offered when the pull is strong."""
    content, repo = context.content, context.repo
    if repo.keyring is None:
        await no_key(update, context)
        return
    page = await repo.journal_page(chat_id(update), 0, JOURNAL_RECENT)
    if not page.entries:
        rows = [[button(content, "btn_journal_new", JournalNew())]]
        await respond(update, context, content.ui["journal_recent_none"], keyboard(content, rows))
        return
    parts = [content.ui["journal_recent"], *(entry_text(content, e) for e in page.entries)]
    rows = [[button(content, "btn_journal_all", JournalHome(0))]]
    await respond_parts(update, context, parts, keyboard(content, rows))


PRIVATE = filters.ChatType.PRIVATE
HANDLERS = [
    CommandHandler("journal", journal_home, filters=PRIVATE),
    CallbackQueryHandler(journal_home, pattern=JournalHome.pattern()),
    CallbackQueryHandler(new_entry, pattern=JournalNew.pattern()),
    CallbackQueryHandler(read_entry, pattern=JournalRead.pattern()),
    CallbackQueryHandler(skip_felt, pattern=JournalSkipFelt.pattern()),
    CallbackQueryHandler(ask_day, pattern=JournalAskDay.pattern()),
    CallbackQueryHandler(ask_delete, pattern=JournalDeleteAsk.pattern()),
    CallbackQueryHandler(delete_entry, pattern=JournalDeleteYes.pattern()),
    CallbackQueryHandler(ask_delete_all, pattern=JournalDeleteAllAsk.pattern()),
    CallbackQueryHandler(delete_all, pattern=JournalDeleteAllYes.pattern()),
    CallbackQueryHandler(recent, pattern=JournalRecent.pattern()),
]
