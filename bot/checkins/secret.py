"""Sealing what users write about triggers (names, plans, reasons): AES-GCM via bot/crypto.py.

The keyring is reached through `keyring()` only, so the app-wide keyring (being added on
another branch) replaces this one function at merge.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.config import Settings
from bot.context import BotContext
from bot.crypto import Binding, CryptoError, Keyring, keyring_from

log = logging.getLogger(__name__)
_CACHE_KEY = "checkins.keyring"
DEFAULT_KEY_FILE = Path("data/secret.key")


def load_keyring(settings: Settings) -> Keyring:
    """From ENCRYPTION_KEYS, else the key file (created with a fresh key when missing)."""
    spec = settings.encryption_keys.get_secret_value() if settings.encryption_keys else None
    ring = keyring_from(spec, settings.encryption_key_file or DEFAULT_KEY_FILE, create=True)
    if ring is None:  # not reachable with create=True; keeps the type honest
        raise CryptoError("no encryption key available")
    return ring


def keyring(context: BotContext) -> Keyring:
    """The keyring, loaded once per application."""
    data = context.application.bot_data
    ring = data.get(_CACHE_KEY)
    if not isinstance(ring, Keyring):
        ring = load_keyring(context.settings)
        data[_CACHE_KEY] = ring
    return ring


def trigger_binding(chat_id: int, trigger_id: int, field: str) -> Binding:
    return Binding("triggers", chat_id, f"{trigger_id}:{field}")


def reasons_binding(chat_id: int) -> Binding:
    return Binding("reasons", chat_id, "reasons")


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
