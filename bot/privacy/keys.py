"""Encryption keys at start-up: from the environment or a key file, never the database.

- The terminal chat and the tests may create a key file (./data/secret.key, 0600).
- `run` never creates one: without keys it starts only while no encrypted text is stored
  (the journal and plans then say they are unavailable), and refuses with one line otherwise,
  or when stored text uses a key id it was not given.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.config import Settings, SettingsError
from bot.crypto import CryptoError, Keyring, keyring_from, new_key_line
from bot.db import Repo

DEFAULT_KEY_FILE = Path("data/secret.key")


def key_file(settings: Settings) -> Path:
    return settings.encryption_key_file or DEFAULT_KEY_FILE


def load_keyring(settings: Settings, *, create: bool) -> Keyring | None:
    spec = settings.encryption_keys.get_secret_value() if settings.encryption_keys else None
    try:
        return keyring_from(spec, key_file(settings), create=create)
    except (CryptoError, OSError) as exc:
        raise SettingsError(f"Encryption key: {exc}") from None


async def check_keys(repo: Repo, keyring: Keyring | None) -> None:
    """Refuse to start when stored text could not be opened with the keys given."""
    if not await repo.sealed_key_ids_missing(keyring.key_ids if keyring else []):
        return
    if keyring is None:
        raise SettingsError(
            "Encrypted journal and plan text is stored, but no key was given: set "
            "ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE (see README, Encryption at rest)."
        )
    raise SettingsError(
        "Some stored text is encrypted under a key that is not among the keys given: add the "
        "old key after the new one in ENCRYPTION_KEYS (see README, Encryption at rest)."
    )


def add_key_to_file(path: Path) -> str:
    """Put a fresh key first in the key file (creating it, 0600), keeping the old ones after
    it to read older text; returns the new key's id."""
    line = new_key_line()
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    temporary = path.with_name(path.name + ".new")
    descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(line + "\n" + old)
    os.replace(temporary, path)
    return line.partition(":")[0]


async def rotate(settings: Settings, batch: int) -> tuple[str, int]:
    """Re-encrypt every stored text not under the active key, in batches, while the bot runs;
    returns the active key id and how many texts changed."""
    from bot.db import make_engine, migrate

    keyring = load_keyring(settings, create=False)
    if keyring is None:
        raise SettingsError("No key to rotate to: set ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE.")
    engine = make_engine(settings)
    repo = Repo(engine)
    try:
        await migrate(engine)
        repo.keyring = keyring
        await check_keys(repo, keyring)
        total = 0
        while changed := await repo.rotate_batch(batch):
            total += changed
        await repo.checkpoint()  # SQLite: the old ciphertexts leave the WAL too
    except CryptoError as exc:
        raise SettingsError(f"Key rotation stopped: {exc}") from None
    finally:
        await repo.close()
    return keyring.active_id, total
