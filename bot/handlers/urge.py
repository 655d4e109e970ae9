"""The urge helper: 'i want to text him right now' gets a pause instead of topic buttons.

Ten minutes' delay with a grounding exercise, an offer to check back when it ends, the user's
own reasons and plans shown back, and the matching topic one tap away. The text itself is
never stored.
"""

from __future__ import annotations

import random

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.callbacks import JournalRecent, TriggersHome, UrgeLater
from bot.checkins import words
from bot.checkins.urge import is_urge
from bot.context import BotContext
from bot.domain import Repeat
from bot.handlers import checkins, explain, triggers
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.handlers.explain import topic_button
from bot.matching import Match
from bot.policy import URGE_DELAY

FALLBACK_TOPIC = "withdrawal"
MAX_PLANS_SHOWN = 4


async def free_text(
    update: Update, context: BotContext, text: str, matches: list[Match] | None = None
) -> None:
    """Free text that is no answer to a step: the urge helper, or the nearest topics."""
    if is_urge(text):
        await urge_reply(update, context, text)
        return
    ranked = matches if matches is not None else context.services.matcher.rank(text)
    await explain.answer_question(update, context, ranked)


async def own_words(context: BotContext, chat: int) -> list[str]:
    """The user's reasons and a few of their plans, as they wrote them."""
    parts = []
    reasons = triggers.reasons_of(context, await context.repo.reasons(chat), chat)
    if reasons:
        markup = {"reasons": words.quoted(reasons)}
        parts.append(context.content.text("tr_reasons_line", markup=markup))
    for trigger in await context.repo.triggers(chat):
        block = triggers.plan_block(context, trigger)
        if block and len(parts) < MAX_PLANS_SHOWN + 1:
            parts.append(block)
    return parts


async def urge_reply(update: Update, context: BotContext, text: str) -> None:
    content, chat = context.content, chat_id(update)
    rng = random.Random()
    minutes = int(URGE_DELAY.total_seconds() // 60)
    parts = [rng.choice(content.checkins.urge), content.text("urge_wait", minutes=minutes)]
    parts.append(f"{content.ui['ci_grounding_title']}\n{rng.choice(content.daily.grounding).text}")
    mine = await own_words(context, chat)
    parts += [content.ui["urge_own_words"], *mine] if mine else [content.ui["urge_no_plans"]]
    matcher = context.services.matcher
    suggested = matcher.worth_suggesting(matcher.rank(text, limit=1))
    topic = content.topics[suggested[0].topic_id if suggested else FALLBACK_TOPIC]
    rows = [
        [labelled(content.text("btn_urge_later", minutes=minutes), UrgeLater())],
        [topic_button(topic)],
    ]
    if not mine:
        rows.append([button(content, "btn_tr_home", TriggersHome())])
    if context.repo.keyring is not None and await context.repo.journal_count(chat):
        # Their own record of what happened, when the pull is strong (the reality check).
        rows.insert(1, [button(content, "btn_journal_recent", JournalRecent())])
    await respond(update, context, "\n\n".join(parts), keyboard(content, rows))


async def check_back(update: Update, context: BotContext) -> None:
    """Check back when the pause ends: a follow-up check-in."""
    due = context.clock.now() + URGE_DELAY
    await checkins.schedule_once(update, context, due, 0, Repeat.FOLLOWUP)


HANDLERS = [CallbackQueryHandler(check_back, pattern=UrgeLater.pattern())]
