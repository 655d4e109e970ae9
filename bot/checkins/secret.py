"""Sealing what users write about triggers (names, plans, reasons): AES-GCM via bot/crypto.py,
under the application's keyring and the sealed-column convention of bot/db/sealed.py."""

from __future__ import annotations

import logging

from bot.context import BotContext
from bot.crypto import Binding, CryptoError, Keyring
from bot.db.sealed import binding

log = logging.getLogger(__name__)


# The user-facing field names, and the sealed columns that hold them.
_COLUMNS = {"name": "name_enc", "do": "plan_do_enc", "reach": "plan_reach_enc"}


def keyring(context: BotContext) -> Keyring:
    """The application's keyring (bot/privacy/keys.py sets it at start-up)."""
    ring = context.repo.keyring
    if ring is None:
        raise CryptoError("no encryption key is configured")
    return ring


def trigger_binding(chat_id: int, trigger_id: int, field: str) -> Binding:
    """The one binding convention of sealed columns (bot/db/sealed.py): table, user, row and
    column, so rotation and the start-up key check cover these too."""
    return binding("triggers", chat_id, (trigger_id,), _COLUMNS[field])


def reasons_binding(chat_id: int) -> Binding:
    return binding("reasons", chat_id, (chat_id,), "text_enc")


def seal(context: BotContext, text: str, binding: Binding) -> str:
    return keyring(context).encrypt(text, binding)


def unseal(context: BotContext, stored: str | None, binding: Binding) -> str | None:
    """The text, or None when there is none or it does not open (a lost key): the screen
    then says so instead of failing."""
    if not stored:
        return None
    try:
        return keyring(context).decrypt(stored, binding)
    except CryptoError:
        log.warning("a stored text did not open with its key and binding")
        return None
