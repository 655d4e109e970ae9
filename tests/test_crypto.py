"""Encryption at rest: AES-GCM, bound to user, table and row, with key ids for rotation."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.crypto import Binding, CryptoError, Keyring, keyring_from, new_key_line, parse_keys

ROW = Binding("journal", 42, "7")


def ring(*lines: str) -> Keyring:
    return Keyring(parse_keys(",".join(lines)))


def test_round_trip_and_no_plaintext() -> None:
    keys = ring(new_key_line("a"))
    stored = keys.encrypt("he threw my phone 🫥", ROW)
    assert stored.startswith("a:") and "phone" not in stored
    assert keys.decrypt(stored, ROW) == "he threw my phone 🫥"
    assert keys.encrypt("same", ROW) != keys.encrypt("same", ROW)  # a fresh nonce each time


@pytest.mark.parametrize(
    "other", [Binding("journal", 43, "7"), Binding("journal", 42, "8"), Binding("plans", 42, "7")]
)
def test_a_ciphertext_opens_only_where_it_belongs(other: Binding) -> None:
    keys = ring(new_key_line("a"))
    stored = keys.encrypt("private", ROW)
    with pytest.raises(CryptoError):
        keys.decrypt(stored, other)


def test_rotation_keeps_old_keys_readable() -> None:
    old_line, new_line = new_key_line("old"), new_key_line("new")
    stored = ring(old_line).encrypt("words", ROW)
    rotated_ring = ring(new_line, old_line)
    assert rotated_ring.needs_rotation(stored)
    rotated = rotated_ring.rotate(stored, ROW)
    assert rotated.startswith("new:") and not rotated_ring.needs_rotation(rotated)
    assert ring(new_line).decrypt(rotated, ROW) == "words"
    with pytest.raises(CryptoError, match="no key"):
        ring(new_line).decrypt(stored, ROW)


@pytest.mark.parametrize("spec", ["nokey", "a:!!!", "a:AAAA", "bad id!:" + "A" * 43])
def test_malformed_keys_are_refused_with_a_line(spec: str) -> None:
    with pytest.raises(CryptoError):
        Keyring(parse_keys(spec))


def test_key_file_is_created_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "secret.key"
    keys = keyring_from(None, path, create=True)
    assert keys is not None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    again = keyring_from(None, path, create=False)
    assert again is not None and again.key_ids == keys.key_ids
    assert keyring_from(None, tmp_path / "missing", create=False) is None
