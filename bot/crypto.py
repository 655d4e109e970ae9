"""Encryption at rest for every text a user writes (journal, plans, triggers): AES-GCM.

- Keys come from the environment (ENCRYPTION_KEYS) or a key file (ENCRYPTION_KEY_FILE), never
  from the database. Each key has an id; the first key encrypts, every key decrypts, so keys
  can be rotated while the bot runs (`python -m bot rotate-key`).
- Every ciphertext carries its key id, and associated data binds it to its user, table and row:
  a ciphertext copied to another row or user fails to decrypt instead of showing someone's words
  in the wrong place.
- Stored form (text, so it fits any column): ``<key id>:<base64url(nonce || ciphertext+tag)>``.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12
KEY_BYTES = 32
KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")


class CryptoError(Exception):
    """A key is missing or malformed, or a ciphertext does not open; one line for a person."""


@dataclass(frozen=True)
class Binding:
    """What a ciphertext belongs to: authenticated, not secret."""

    table: str
    user: int
    row: str  # a stable id of the row (or of the field within it)

    def aad(self) -> bytes:
        return f"{self.table}\x1f{self.user}\x1f{self.row}".encode()


class Keyring:
    """Named AES-256 keys; the first one encrypts."""

    def __init__(self, keys: list[tuple[str, bytes]]) -> None:
        if not keys:
            raise CryptoError("no encryption key given")
        for kid, key in keys:
            if not KEY_ID.fullmatch(kid):
                raise CryptoError(f"encryption key id {kid!r} must be 1-16 letters or digits")
            if len(key) != KEY_BYTES:
                raise CryptoError(f"encryption key {kid!r} must be {KEY_BYTES} bytes")
        self.active_id = keys[0][0]
        self._ciphers = {kid: AESGCM(key) for kid, key in keys}

    @property
    def key_ids(self) -> list[str]:
        return list(self._ciphers)

    def encrypt(self, plaintext: str, binding: Binding) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[self.active_id].encrypt(nonce, plaintext.encode(), binding.aad())
        return f"{self.active_id}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, stored: str, binding: Binding) -> str:
        kid, _, body = stored.partition(":")
        cipher = self._ciphers.get(kid)
        if cipher is None:
            raise CryptoError(f"no key with id {kid!r} to open stored text")
        try:
            raw = base64.urlsafe_b64decode(body.encode())
            return cipher.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], binding.aad()).decode()
        except (InvalidTag, ValueError) as exc:
            raise CryptoError("stored text does not open with its key and binding") from exc

    def needs_rotation(self, stored: str) -> bool:
        """Encrypted under a key other than the active one."""
        return stored.partition(":")[0] != self.active_id

    def rotate(self, stored: str, binding: Binding) -> str:
        """The same text under the active key."""
        return self.encrypt(self.decrypt(stored, binding), binding)


def key_id_of(stored: str) -> str:
    return stored.partition(":")[0]


def parse_keys(spec: str) -> list[tuple[str, bytes]]:
    """``id:base64key,id:base64key``, the active key first."""
    keys = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        kid, sep, encoded = part.partition(":")
        if not sep:
            raise CryptoError("ENCRYPTION_KEYS must look like id:base64key[,id:base64key]")
        try:
            key = base64.urlsafe_b64decode(encoded.strip() + "=" * (-len(encoded.strip()) % 4))
        except ValueError:
            raise CryptoError(f"encryption key {kid!r} is not base64") from None
        keys.append((kid.strip(), key))
    return keys


def new_key_line(kid: str | None = None) -> str:
    """A fresh key as ``id:base64key``."""
    kid = kid or f"k{secrets.token_hex(3)}"
    return f"{kid}:{base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode()}"


def load_key_file(path: Path, *, create: bool) -> list[tuple[str, bytes]]:
    """Keys from a file (one ``id:base64key`` per line, active first); with `create`, a new
    file with one fresh key, readable by its owner only (0600), in a 0700 folder."""
    if not path.exists():
        if not create:
            raise CryptoError(f"key file {path} does not exist")
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True)
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(new_key_line() + "\n")
    text = path.read_text(encoding="utf-8")
    return parse_keys(",".join(line for line in text.splitlines() if line.strip()))


def keyring_from(spec: str | None, key_file: Path | None, *, create: bool) -> Keyring | None:
    """The keys from ENCRYPTION_KEYS, else from the key file (created when `create`), else None."""
    if spec:
        return Keyring(parse_keys(spec))
    if key_file is not None and (create or key_file.exists()):
        return Keyring(load_key_file(key_file, create=create))
    return None
