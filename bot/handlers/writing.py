"""Journal and plan text is kept, whatever it says (group -2, just before crisis detection).

A reality-check journal holds what happened, so its entries describe harm; a plan for when
someone might hurt themselves names the thoughts that come first. Read as ordinary messages,
those words would be answered as a crisis and never saved. So while a chat is writing (the
bot asked for an entry or a plan part, in memory: bot/privacy/state.py), its next text:
- is saved as the answer, through the usual step routing, when it reads as no crisis or as a
  disclosure (the disclosure reply is not sent: the person is writing their record);
- gets the crisis reply first when it reads as danger or self-harm, exactly as anywhere else,
  and is then kept too, with one line saying so.
A command or any button other than Help now ends writing (bot/privacy/wiring.py).
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.callbacks import CallbackData, JournalHome, PlanShow
from bot.context import BotContext
from bot.handlers import safety, text
from bot.handlers.common import button, keyboard
from bot.handlers.daily import user_today
from bot.handlers.safetyplan import read_arg
from bot.policy import (
    JOURNAL_FELT_LIMIT,
    JOURNAL_MAX_ENTRIES,
    JOURNAL_WHAT_LIMIT,
    PLAN_SECTION_LIMIT,
)
from bot.privacy.state import privacy_of, send_and_note, stop_writing
from bot.safety.detector import CrisisLevel
from bot.steps import Step, Waiting, current_step

log = logging.getLogger(__name__)
URGENT = (CrisisLevel.DANGER, CrisisLevel.SELF_HARM)


async def writing_gate(update: Update, context: BotContext) -> None:
    services = privacy_of(context.application)
    message = update.message
    chat = update.effective_chat
    if services is None or message is None or not message.text or chat is None:
        return
    if chat.type != ChatType.PRIVATE or message.text.startswith("/"):
        return
    step = services.writing_step(chat.id, context.clock.now())
    if step is None:
        return
    stop_writing(context, chat.id)  # the answer's handler asks again if it needs more
    if context.services.crisis.assess(update).level in URGENT:
        with contextlib.suppress(ApplicationHandlerStop):
            await safety.crisis_check(update, context)  # the crisis reply first, as always
        await keep(update, context, step, message.text.strip())
        raise ApplicationHandlerStop
    user = await context.user(chat.id)
    if current_step(user.pending, user.pending_since, context.clock.now()) is None:
        return  # the question ended elsewhere: an ordinary message after all
    await text.on_text(update, context)
    raise ApplicationHandlerStop


async def keep(update: Update, context: BotContext, step: Step, said: str) -> None:
    """Save what was written after a crisis reply (which ended the step): no question follows."""
    repo, now = context.repo, context.clock.now()
    chat = update.effective_chat
    if chat is None or repo.keyring is None:
        return
    back: CallbackData = JournalHome(0)
    if step.waiting is Waiting.JOURNAL_WHAT:
        user = await context.user(chat.id)
        day = user_today(context, user)
        await repo.add_entry(chat.id, day, said[:JOURNAL_WHAT_LIMIT], now, JOURNAL_MAX_ENTRIES)
    elif step.waiting is Waiting.JOURNAL_FELT and step.arg and step.arg.isdigit():
        await repo.set_entry_felt(chat.id, int(step.arg), said[:JOURNAL_FELT_LIMIT])
    elif step.waiting is Waiting.PLAN_SECTION and (target := read_arg(step.arg)) is not None:
        plan, section, _ = target
        await repo.save_plan_section(chat.id, plan, section, said[:PLAN_SECTION_LIMIT], now)
        back = PlanShow(plan)
    else:
        return
    content = context.content
    rows = [[button(content, "btn_writing_kept", back)]]
    await send_and_note(context, chat.id, content.ui["writing_kept"], keyboard(content, rows))
