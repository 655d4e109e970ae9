"""Which updates skip the per-chat queue, and each text's crisis assessment, made once.

The update processor (bot/processing.py) asks `is_urgent` before an update takes its place in
its chat's queue; the crisis handler (bot/handlers/safety.py) then reads the same assessment.
Memory only: no database, no network.
"""

from __future__ import annotations

from collections import OrderedDict

from telegram import Update

from bot.callbacks import CountryLines, HelpNow, SafetyAnswer
from bot.policy import HOTLINE_COMMANDS
from bot.safety.crisis import Assessment, CrisisDetector
from bot.safety.detector import CrisisLevel

URGENT_COMMANDS = tuple(f"/{name}" for name in HOTLINE_COMMANDS)
FULL = (CrisisLevel.DANGER, CrisisLevel.SELF_HARM)
# Assessments kept per update id so the update processor and this handler assess a message
# once (the detector's context would otherwise see it twice). Levels only, never text.
RECENT_ASSESSMENTS = 256


def message_text(update: Update) -> str | None:
    """The words of a message: its text, or the caption of a photo, video, file or voice note."""
    message = update.message or update.edited_message
    if message is None:
        return None
    return message.text or message.caption


class CrisisGate:
    """Assesses each incoming text once (rules, meaning, recent context) and says whether the
    update must skip the per-chat queue. Memory only; the detector's context holds no text."""

    def __init__(self, detector: CrisisDetector | None = None) -> None:
        self.detector = detector or CrisisDetector()
        self._by_update: OrderedDict[int, Assessment] = OrderedDict()

    def assess(self, update: Update) -> Assessment:
        cached = self._by_update.get(update.update_id)
        if cached is not None:
            return cached
        text = message_text(update)
        chat = update.effective_chat
        if not text or (update.message is not None and text.startswith("/")):
            assessment = Assessment(CrisisLevel.NONE)
        else:
            assessment = self.detector.assess(text, chat_id=chat.id if chat else None)
        if chat is not None and assessment.level in (*FULL, CrisisLevel.CHECK):
            # Answered now: later messages are read afresh, not joined to this one again
            # (a question after a crisis reply should get its answer, not the reply twice).
            self.detector.forget(chat.id)
        self._by_update[update.update_id] = assessment
        while len(self._by_update) > RECENT_ASSESSMENTS:
            self._by_update.popitem(last=False)
        return assessment

    def is_urgent(self, update: Update) -> bool:
        """Updates that must not wait in the user's queue: crisis texts and hotline requests."""
        query = update.callback_query
        if query is not None:
            return (
                HelpNow.parse(query.data) is not None
                or CountryLines.parse(query.data) is not None
                or SafetyAnswer.parse(query.data) is not None
            )
        message = update.message
        if message is not None and message.text and message.text.startswith(URGENT_COMMANDS):
            return True
        return self.assess(update).level is not CrisisLevel.NONE
