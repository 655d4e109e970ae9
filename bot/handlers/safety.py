"""Crisis detection, run first on every text message in any state (handler group -1).

The reply is built from in-memory content only (no database) and overtakes every other send.
"""

from __future__ import annotations

import logging
import random
import re

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot.callbacks import Grounding, HelpNow, OtherCountries, SafetyAnswer, ShowTopic
from bot.content import Content, Country
from bot.context import BotContext
from bot.delivery.limiter import CRISIS, URGENT
from bot.domain import StorageError
from bot.handlers.common import button, chat_id, keyboard, labelled
from bot.handlers.explain import topic_button
from bot.handlers.gate import end_step_soon
from bot.handlers.hotline import render_lines, takes_texts
from bot.handlers.safetyplan import crisis_plan_button
from bot.matching import TopicMatcher
from bot.privacy.state import note_crisis_reply, note_sent
from bot.safety.detector import CrisisLevel
from bot.safety.gate import message_text
from bot.steps import OWN_WORDS, current_step

log = logging.getLogger(__name__)

REPLIES = {
    CrisisLevel.DANGER: ("crisis_danger", ("emergency", "domestic_abuse")),
    CrisisLevel.SELF_HARM: ("crisis_self_harm", ("emergency", "crisis")),
    CrisisLevel.DISCLOSURE: ("crisis_disclosure", ("domestic_abuse",)),
}


def emergency_number(country: Country) -> str | None:
    """The country's emergency number as the hotline data writes it (rule 7: numbers come
    only from there)."""
    for line in country.lines:
        if line.purpose == "emergency":
            for way in line.how:
                found = re.search(r"<code>([^<]+)</code>", way)
                if found:
                    return found[1]
    return None


def crisis_reply(
    content: Content,
    code: str,
    level: CrisisLevel,
    question: str | None = None,
    matcher: TopicMatcher | None = None,
    *,
    medical: bool = False,
) -> tuple[str, InlineKeyboardMarkup]:
    """The crisis reply for a level in a country: words that are true there, its lines
    (numbers one tap to copy; sources on the full hotline screen), and buttons."""
    key, purposes = REPLIES[level]
    country = content.country(code)
    parts = [content.ui[key]]
    if medical:
        # An overdose already taken is a medical emergency: the number before anything else.
        number = emergency_number(country)
        parts.insert(
            0,
            content.text("crisis_medical", markup={"number": f"<b><code>{number}</code></b>"})
            if number
            else content.ui["crisis_medical_local"],
        )
    if level is CrisisLevel.DANGER and takes_texts(country, purposes):
        parts.append(content.ui["crisis_can_text"])
    parts.append(render_lines(content, country, purposes, sources=False))
    parts.append(content.ui["crisis_copy_hint"])
    # Danger offers the plan for staying safe around the other person, self-harm the plan
    # for when I might hurt myself (Stanley-Brown's steps); a disclosure the topic.
    plan = crisis_plan_button(content, level.value)
    rows = [
        [
            button(content, "btn_all_lines", HelpNow()),
            plan or button(content, "btn_safety_plan", ShowTopic("safety-planning")),
        ],
        [labelled(content.text("btn_not_in_country", country=country.name), OtherCountries())],
    ]
    if level is CrisisLevel.DISCLOSURE and question and matcher is not None:
        # A question that tells of abuse still deserves its answer: offer the nearest topics.
        ids = [m.topic_id for m in matcher.rank(question, limit=3)]
        rows += [[topic_button(content.topics[t])] for t in ids if t != "safety-planning"][:2]
    return "\n\n".join(parts), keyboard(content, rows)


async def crisis_check(update: Update, context: BotContext) -> None:
    """Danger and self-harm get the full reply at once; a message only the meaning layer finds
    close to crisis gets "Are you safe right now?"; a disclosure gets the abuse line gently."""
    assessment = context.services.crisis.assess(update)
    level = assessment.level
    if level is CrisisLevel.NONE:
        return
    chat = update.effective_chat
    message = update.effective_message
    if level is CrisisLevel.CHECK and chat is not None and await _writing(context, chat.id):
        return  # their own words, asked for: kept as the answer (the rules still run)
    code = context.country_of(chat.id if chat else None)
    if level is CrisisLevel.CHECK:
        text, markup = safety_question(context.content, message_text(update) or "", context)
    else:
        text, markup = crisis_reply(
            context.content,
            code,
            level,
            message_text(update),
            context.services.matcher,
            medical=assessment.medical,
        )
    log.info("crisis reply sent (%s)", level.value)  # the level only, never the text
    if message is not None:
        sent = await context.bot.send_message(
            message.chat_id, text, reply_markup=markup, rate_limit_args=CRISIS
        )
        # Buttons under this reply open new messages: the numbers stay on screen.
        context.services.keep_on_screen.add(sent.chat_id, sent.message_id)
        note_crisis_reply(context, sent, level.value)  # its id for /hide, a count by level
    if chat is not None:
        # A half-finished step (a time, a date) ends, so the next message is read afresh:
        # marked in memory at once, and in the database in the background, so the reply
        # above never waits for it.
        end_step_soon(context, chat.id)
    raise ApplicationHandlerStop


def safety_question(
    content: Content, text: str, context: BotContext
) -> tuple[str, InlineKeyboardMarkup]:
    """ "Are you safe right now?" with an answer for each case, and Help now."""
    topics = [
        m.topic_id
        for m in context.services.matcher.worth_suggesting(context.services.matcher.rank(text))
    ][:2]
    struggling = SafetyAnswer(SafetyAnswer.STRUGGLING, *[*topics, "-", "-"][:2])
    rows = [
        [button(content, "btn_safe_danger", SafetyAnswer(SafetyAnswer.DANGER, "-", "-"))],
        [button(content, "btn_safe_self_harm", SafetyAnswer(SafetyAnswer.SELF_HARM, "-", "-"))],
        [button(content, "btn_safe_struggling", struggling)],
    ]
    return content.ui["safety_question"], keyboard(content, rows)


async def safety_answer(update: Update, context: BotContext) -> None:
    """Each answer leads where it says, as a new message under the question."""
    answer = SafetyAnswer.of(update)
    content = context.content
    chat = chat_id(update)
    query = update.callback_query
    if query is not None:
        await query.answer()
    if answer.choice == SafetyAnswer.STRUGGLING:
        exercise = random.choice(content.daily.grounding).text  # variety, not security
        rows = [
            [topic_button(content.topics[t])]
            for t in (answer.topic1, answer.topic2)
            if t in content.topics
        ]
        rows.append([button(content, "btn_another_grounding", Grounding())])
        text = f"{content.ui['safe_struggling']}\n\n{exercise}"
        note_sent(
            context,
            await context.bot.send_message(
                chat, text, reply_markup=keyboard(content, rows), rate_limit_args=URGENT
            ),
        )
        return
    level = CrisisLevel.DANGER if answer.choice == SafetyAnswer.DANGER else CrisisLevel.SELF_HARM
    text, markup = crisis_reply(content, context.country_of(chat), level)
    sent = await context.bot.send_message(chat, text, reply_markup=markup, rate_limit_args=CRISIS)
    context.services.keep_on_screen.add(sent.chat_id, sent.message_id)
    note_crisis_reply(context, sent, level.value)


async def _writing(context: BotContext, chat: int) -> bool:
    """Whether the bot is waiting for this chat's own words (a plan, a journal entry)."""
    try:
        user = await context.user(chat)
    except StorageError:
        return False
    step = current_step(user.pending, user.pending_since, context.clock.now())
    return step is not None and step.waiting in OWN_WORDS


HANDLERS = [
    MessageHandler((filters.TEXT | filters.CAPTION) & filters.ChatType.PRIVATE, crisis_check)
]
# In group 1 with the features: the answers to "Are you safe right now?".
ANSWERS = [CallbackQueryHandler(safety_answer, pattern=SafetyAnswer.pattern())]
