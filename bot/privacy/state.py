"""The privacy services of one Application (Services.privacy), and the calls other modules make:
`note_sent` after each message the bot sends, `note_crisis_reply` after a crisis reply."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from bot.policy import STEP_TIMEOUT
from bot.privacy.flood import FloodGate
from bot.privacy.message_log import MessageLog
from bot.steps import Step

if TYPE_CHECKING:
    from telegram import InlineKeyboardMarkup, Message

    from bot.context import BotContext


@dataclass
class PrivacyServices:
    messages: MessageLog = field(default_factory=MessageLog)
    flood: FloodGate = field(default_factory=FloodGate)
    # Crisis replies by level, for the UTC day in `day` (this instance only; never the text).
    crisis_day: date | None = None
    crisis_replies: Counter[str] = field(default_factory=Counter)
    # Chats writing their journal or a plan: the step, and when it was asked (bot/handlers/
    # writing.py keeps their words from being taken for a crisis message and lost).
    writing: dict[int, tuple[Step, datetime]] = field(default_factory=dict)
    # The terminal chat and the tests make ./data/secret.key on first use; a server never does.
    create_key: bool = False

    def writing_step(self, chat_id: int, now: datetime) -> Step | None:
        found = self.writing.get(chat_id)
        if found is None or now - found[1] > STEP_TIMEOUT:
            self.writing.pop(chat_id, None)
            return None
        return found[0]

    def count_crisis(self, level: str, today: date) -> None:
        if self.crisis_day != today:
            self.crisis_day, self.crisis_replies = today, Counter()
        self.crisis_replies[level] += 1


def privacy_of(application: Any) -> PrivacyServices | None:
    """The privacy services, or None for an Application built without bot.app's Services."""
    services = application.bot_data.get("services")
    found = getattr(services, "privacy", None)
    return found if isinstance(found, PrivacyServices) else None


def start_writing(context: BotContext, chat_id: int, step: Step) -> None:
    """The next text from this chat is journal or plan text (until a command or a button)."""
    services = privacy_of(context.application)
    if services is not None:
        services.writing[chat_id] = (step, context.clock.now())


def stop_writing(context: BotContext, chat_id: int) -> None:
    services = privacy_of(context.application)
    if services is not None:
        services.writing.pop(chat_id, None)


def note_sent(context: BotContext, message: Message | None) -> None:
    """Remember a sent message's id for /hide (in memory; written within a second)."""
    services = privacy_of(context.application)
    if services is not None and message is not None:
        services.messages.note(message.chat_id, message.message_id, context.clock.now())


def note_crisis_reply(context: BotContext, message: Message | None, level: str) -> None:
    """A crisis reply went out: its id for /hide, and one more in today's count by level."""
    note_sent(context, message)
    services = privacy_of(context.application)
    if services is not None:
        services.count_crisis(level, context.clock.now().date())


async def send_and_note(
    context: BotContext, chat_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> Message:
    """A new message, its id remembered for /hide."""
    sent = await context.bot.send_message(chat_id, text, reply_markup=markup)
    note_sent(context, sent)
    return sent
