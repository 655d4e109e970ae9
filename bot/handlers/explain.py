"""/explain: topics as grouped, paged buttons; a topic's short answer, more, and related."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import ExplainGroup, ExplainMenu, ShowTopic
from bot.content import Content, Topic
from bot.context import BotContext
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.matching import Match
from bot.privacy.state import note_sent

PAGE_SIZE = 5  # at most; pages are balanced so none holds a single topic


def pages_of(topics: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A group's topics in pages of at most PAGE_SIZE, as even as can be (6 -> 3 + 3)."""
    count = max(1, -(-len(topics) // PAGE_SIZE))
    size = -(-len(topics) // count)
    return [topics[i : i + size] for i in range(0, len(topics), size)]


def group_of(content: Content, topic_id: str) -> tuple[str, int] | None:
    """The group holding a topic, and the page it is on."""
    for group in content.groups:
        for number, page in enumerate(pages_of(group.topics)):
            if topic_id in page:
                return group.id, number
    return None


def topic_text(topic: Topic, body: str) -> str:
    """The title (plain text, so escaped) over a part of the answer (validated HTML)."""
    return f"<b>{html.escape(topic.title, quote=False)}</b>\n\n{body}"


def topic_button(topic: Topic) -> InlineKeyboardButton:
    return labelled(topic.title, ShowTopic(topic.id))


async def explain_menu(update: Update, context: BotContext) -> None:
    """The groups of topics."""
    content = context.content
    rows = [[labelled(g.title, ExplainGroup(g.id, 0))] for g in content.groups]
    await respond(update, context, content.ui["explain_menu"], keyboard(content, rows))


async def explain_group(update: Update, context: BotContext) -> None:
    """One group's topics, a page at a time."""
    content = context.content
    pressed = ExplainGroup.of(update)
    group = next((g for g in content.groups if g.id == pressed.group), None)
    page = pressed.page
    pages = pages_of(group.topics) if group is not None else []
    if group is None or page >= len(pages):
        await explain_menu(update, context)
        return
    rows: list[list[InlineKeyboardButton]] = [
        [topic_button(content.topics[i])] for i in pages[page]
    ]
    paging = []
    if page > 0:
        paging.append(button(content, "btn_prev", ExplainGroup(group.id, page - 1)))
    if page + 1 < len(pages):
        paging.append(button(content, "btn_next", ExplainGroup(group.id, page + 1)))
    rows += [paging] if paging else []
    rows.append([button(content, "btn_all_topics", ExplainMenu())])
    text = content.text("explain_group", title=group.title)
    await respond(update, context, text, keyboard(content, rows))


def topic_rows(content: Content, topic: Topic, *, more: bool) -> list[list[InlineKeyboardButton]]:
    """More (once), related topics, and the way back to the topic's theme."""
    rows = []
    if more and topic.more:
        rows.append([button(content, "btn_more", ShowTopic(topic.id, more=True))])
    rows += [[topic_button(content.topics[r])] for r in topic.related]
    home = group_of(content, topic.id)
    if home is not None:
        title = next(g.title for g in content.groups if g.id == home[0])
        back = content.text("btn_back_to_theme", title=title)
        rows.append([labelled(back, ExplainGroup(*home))])
    return rows


async def show_topic(update: Update, context: BotContext) -> None:
    """A topic's short answer, with More, related topics and Help now."""
    content = context.content
    pressed = ShowTopic.of(update)
    topic = content.topics.get(pressed.topic)
    if topic is None:
        await explain_menu(update, context)
        return
    rows = topic_rows(content, topic, more=not pressed.more)
    if not pressed.more:
        await respond(update, context, topic_text(topic, topic.short), keyboard(content, rows))
        return
    # "More" comes as a new message under the short answer, which stays where it was: on a
    # phone, reading on from the short answer beats having it replaced.
    query = update.callback_query
    if query is not None:
        await query.answer()
    sent = await context.bot.send_message(
        chat_id(update), topic_text(topic, topic.more), reply_markup=keyboard(content, rows)
    )
    note_sent(context, sent)  # /hide deletes it with the rest


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
    matches = context.services.matcher.worth_suggesting(matches)
    rows = [[topic_button(content.topics[m.topic_id])] for m in matches]
    rows.append([button(content, "btn_all_topics", ExplainMenu())])
    key = "explain_suggest" if matches else "explain_no_match"
    await respond(update, context, content.ui[key], keyboard(content, rows))


HANDLERS = [
    CommandHandler("explain", explain_menu),
    CallbackQueryHandler(explain_menu, pattern=ExplainMenu.pattern()),
    CallbackQueryHandler(explain_group, pattern=ExplainGroup.pattern()),
    CallbackQueryHandler(show_topic, pattern=ShowTopic.pattern()),
]
