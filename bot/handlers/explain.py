"""/explain: topics as grouped, paged buttons; a topic's short answer, more, and related."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.content import Content, Topic
from bot.context import BotContext
from bot.handlers.common import button, callback_parts, keyboard, respond
from bot.matching import Match

PAGE_SIZE = 5


def topic_text(topic: Topic, body: str) -> str:
    """The title (plain text, so escaped) over a part of the answer (validated HTML)."""
    return f"<b>{html.escape(topic.title, quote=False)}</b>\n\n{body}"


def topic_button(topic: Topic) -> InlineKeyboardButton:
    return InlineKeyboardButton(topic.title, callback_data=f"t:{topic.id}")


async def explain_menu(update: Update, context: BotContext) -> None:
    """The groups of topics."""
    content = context.content
    rows = [[InlineKeyboardButton(g.title, callback_data=f"xg:{g.id}:0")] for g in content.groups]
    await respond(update, context, content.ui["explain_menu"], keyboard(content, rows))


async def explain_group(update: Update, context: BotContext) -> None:
    """One group's topics, a page at a time."""
    content = context.content
    _, group_id, page_raw = callback_parts(update)
    group = next((g for g in content.groups if g.id == group_id), None)
    page = int(page_raw)
    if group is None or page * PAGE_SIZE >= len(group.topics):
        await explain_menu(update, context)
        return
    ids = group.topics[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows: list[list[InlineKeyboardButton]] = [[topic_button(content.topics[i])] for i in ids]
    paging = []
    if page > 0:
        paging.append(button(content, "btn_prev", f"xg:{group.id}:{page - 1}"))
    if (page + 1) * PAGE_SIZE < len(group.topics):
        paging.append(button(content, "btn_next", f"xg:{group.id}:{page + 1}"))
    rows += [paging] if paging else []
    rows.append([button(content, "btn_all_topics", "x")])
    text = content.text("explain_group", title=group.title)
    await respond(update, context, text, keyboard(content, rows))


def topic_rows(content: Content, topic: Topic, *, more: bool) -> list[list[InlineKeyboardButton]]:
    rows = []
    if more and topic.more:
        rows.append([button(content, "btn_more", f"tm:{topic.id}")])
    rows += [[topic_button(content.topics[r])] for r in topic.related]
    return rows


async def show_topic(update: Update, context: BotContext) -> None:
    """A topic's short answer, with More, related topics and Help now."""
    content = context.content
    prefix, topic_id = callback_parts(update)
    topic = content.topics.get(topic_id)
    if topic is None:
        await explain_menu(update, context)
        return
    body = topic.more if prefix == "tm" else topic.short
    text = topic_text(topic, body)
    await respond(
        update, context, text, keyboard(content, topic_rows(content, topic, more=prefix == "t"))
    )


async def answer_question(update: Update, context: BotContext, matches: list[Match]) -> None:
    """Free text: answer a confident match directly, else offer the best three."""
    content = context.content
    if context.services.matcher.is_confident(matches):
        topic = content.topics[matches[0].topic_id]
        text = topic_text(topic, topic.short)
        await respond(
            update, context, text, keyboard(content, topic_rows(content, topic, more=True))
        )
        return
    rows = [[topic_button(content.topics[m.topic_id])] for m in matches]
    rows.append([button(content, "btn_all_topics", "x")])
    key = "explain_suggest" if matches else "explain_no_match"
    await respond(update, context, content.ui[key], keyboard(content, rows))


HANDLERS = [
    CommandHandler("explain", explain_menu),
    CallbackQueryHandler(explain_menu, pattern=r"^x$"),
    CallbackQueryHandler(explain_group, pattern=r"^xg:[a-z0-9-]{1,40}:\d{1,2}$"),
    CallbackQueryHandler(show_topic, pattern=r"^tm?:[a-z0-9-]{1,40}$"),
]
