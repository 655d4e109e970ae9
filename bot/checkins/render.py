"""The check-in message: three neutral lines first (lock screens show them), then the
situation's prompt and the 0-10 question with its buttons.

The outbox row's content key is ``<check-in id>:<opener>:<prompt set>:<prompt>``, chosen when it
is queued, so a restart or a revealed discreet message shows the same words.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import CheckinClose, CheckinPull, CheckinsHome, HelpNow, Reveal, StopAll
from bot.content import Content
from bot.domain import OutboxView, TriggerKind

if TYPE_CHECKING:
    from bot.delivery.outbox import Rendered

GENERAL = "general"


def choose_prompt(content: Content, kind: TriggerKind | None, rng: random.Random) -> str:
    """An opener and a prompt for the situation (general ones for own triggers and none)."""
    texts = content.checkins
    prompt_set = kind.value if kind is not None and kind.value in texts.kinds else GENERAL
    prompts = texts.prompts if prompt_set == GENERAL else texts.kinds[prompt_set].prompts
    return f"{rng.randrange(len(texts.openers))}:{prompt_set}:{rng.randrange(len(prompts))}"


def content_key(session_id: int, prompt: str) -> str:
    return f"{session_id}:{prompt}"


def parse_key(key: str) -> tuple[int, str] | None:
    """The check-in id and prompt in an outbox row's content key."""
    head, _, prompt = key.partition(":")
    return (int(head), prompt) if head.isdigit() else None


def checkin_text(content: Content, prompt: str) -> str:
    """The message for a prompt key; unknown parts (content changed since) fall back."""
    texts = content.checkins
    opener_index, prompt_set, prompt_index = [*prompt.split(":"), "", "", ""][:3]
    opener = texts.openers[_index(opener_index, len(texts.openers))]
    prompts = texts.kinds[prompt_set].prompts if prompt_set in texts.kinds else texts.prompts
    body = prompts[_index(prompt_index, len(prompts))]
    return f"{opener}\n\n{body}\n\n{content.ui['ci_pull_question']}"


def _index(text: str, size: int) -> int:
    return int(text) if text.isdigit() and int(text) < size else 0


def pull_rows(content: Content, session_id: int) -> list[list[InlineKeyboardButton]]:
    """0-10 in two rows, then 'not now'."""
    numbers = [
        InlineKeyboardButton(str(n), callback_data=CheckinPull(session_id, n).pack())
        for n in range(11)
    ]
    close = InlineKeyboardButton(
        content.ui["btn_ci_not_now"], callback_data=CheckinClose(session_id).pack()
    )
    return [numbers[:6], numbers[6:], [close]]


def render_checkin(content: Content, row: OutboxView, *, reveal: bool = False) -> Rendered:
    """A queued check-in, as the sender sends it (or a discreet one, opened in the chat)."""
    from bot.delivery.outbox import Rendered

    ui = content.ui
    help_now = InlineKeyboardButton(ui["btn_help_now"], callback_data=HelpNow().pack())
    stop = [  # every unprompted message: pause (manage check-ins) or stop them all
        InlineKeyboardButton(ui["btn_pause_note"], callback_data=CheckinsHome().pack()),
        InlineKeyboardButton(ui["btn_stop_these"], callback_data=StopAll().pack()),
    ]
    if row.discreet and not reveal:
        opener = InlineKeyboardButton(ui["btn_open_note"], callback_data=Reveal(row.id).pack())
        markup = InlineKeyboardMarkup([[opener], stop, [help_now]])
        return Rendered(ui["ci_discreet"], markup, True)
    parsed = parse_key(row.content_key)
    if parsed is None:
        return Rendered(ui["daily_missing"], InlineKeyboardMarkup([[help_now]]), row.discreet)
    session_id, prompt = parsed
    rows = [*pull_rows(content, session_id), stop, [help_now]]
    return Rendered(checkin_text(content, prompt), InlineKeyboardMarkup(rows), row.discreet)
