"""Sealed text: every free-text column holds ciphertext only, and these helpers find them all.

A column is sealed when its model marks it `info=ENCRYPTED` (bot/db/models.py). Its value is
`Keyring.encrypt(text, binding)` with the one binding convention every table follows:

    Binding(<table name>, <chat_id>, "<primary key values joined by '/'>:<column name>")

so a ciphertext copied to another row, column or user does not open. Rotation, the start-up
key check and the privacy tests walk the marked columns, so a new table with user text needs
only the mark (and `chat_id`) to be covered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, and_, or_, select, update

from bot.crypto import Binding, CryptoError, Keyring
from bot.db.base import RepoBase, guarded
from bot.db.models import Base

CHECKPOINT_TRIES = 20


@dataclass(frozen=True)
class SealedTable:
    table: Table
    columns: tuple[Column[Any], ...]


def sealed_tables() -> list[SealedTable]:
    """Every table with encrypted columns, and those columns."""
    found = []
    for table in Base.metadata.sorted_tables:
        columns = tuple(c for c in table.columns if c.info.get("encrypted"))
        if columns:
            if "chat_id" not in table.c:
                raise TypeError(f"{table.name} holds user text but has no chat_id")
            found.append(SealedTable(table, columns))
    return found


def _sealed_outside(sealed: SealedTable, key_ids: Sequence[str]) -> ColumnElement[bool]:
    """A row has text in one of the table's sealed columns under none of `key_ids`."""
    return or_(
        *[
            and_(
                column.is_not(None),
                *[~column.startswith(f"{kid}:", autoescape=True) for kid in key_ids],
            )
            for column in sealed.columns
        ]
    )


def binding(table: str, chat_id: int, key: Sequence[object], column: str) -> Binding:
    """The associated data of one sealed value: its table, user, row and column."""
    return Binding(table, chat_id, "/".join(str(k) for k in key) + ":" + column)


class SealedStore(RepoBase):
    """Encrypts and decrypts sealed columns; finds and re-encrypts rows under old keys."""

    # Set at start-up (bot/privacy/keys.py). None: no key configured, so nothing is written.
    keyring: Keyring | None = None

    def _ring(self) -> Keyring:
        if self.keyring is None:
            raise CryptoError("no encryption key is configured")
        return self.keyring

    def seal(self, text: str, table: str, chat_id: int, key: Sequence[object], column: str) -> str:
        return self._ring().encrypt(text, binding(table, chat_id, key, column))

    def unseal(
        self, stored: str, table: str, chat_id: int, key: Sequence[object], column: str
    ) -> str:
        return self._ring().decrypt(stored, binding(table, chat_id, key, column))

    @guarded
    async def sealed_key_ids_missing(self, key_ids: Sequence[str]) -> bool:
        """Whether any stored text was sealed under a key id not in `key_ids` (or under any
        key, when `key_ids` is empty): start-up refuses rather than show unreadable notes."""
        # One statement, EXISTS per table (a query per table cost a round trip and a compile
        # each, at every start).
        found = [
            select(1).select_from(sealed.table).where(_sealed_outside(sealed, key_ids)).exists()
            for sealed in sealed_tables()
        ]
        async with self._session() as session:
            return bool(await session.scalar(select(or_(*found))))

    @guarded
    async def rotate_batch(self, limit: int = 200) -> int:
        """Re-encrypt up to `limit` rows whose text is under a key other than the active one;
        returns how many values changed (0: nothing is left under old keys).

        Each value is replaced only if it is still the one read, so an edit the running bot
        makes meanwhile (already under the active key) is never overwritten.
        """
        ring = self._ring()
        prefix = f"{ring.active_id}:"
        changed = 0
        for sealed in sealed_tables():
            table = sealed.table
            primary = list(table.primary_key.columns)
            stale = [
                and_(c.is_not(None), ~c.startswith(prefix, autoescape=True)) for c in sealed.columns
            ]
            async with self._session.begin() as session:
                rows = (
                    await session.execute(
                        select(*primary, table.c.chat_id, *sealed.columns)
                        .where(or_(*stale))
                        .order_by(*primary)
                        .limit(limit)
                    )
                ).all()
                for row in rows:
                    key = [row._mapping[c] for c in primary]
                    chat_id = row._mapping[table.c.chat_id]
                    for column in sealed.columns:
                        old = row._mapping[column]
                        if old is None or not ring.needs_rotation(old):
                            continue
                        new = ring.rotate(old, binding(table.name, chat_id, key, column.name))
                        match = [c == v for c, v in zip(primary, key, strict=True)]
                        result = await session.execute(
                            update(table).where(*match, column == old).values({column.name: new})
                        )
                        changed += int(getattr(result, "rowcount", 0) or 0)
        return changed

    @guarded
    async def checkpoint(self) -> bool:
        """SQLite: copy the WAL into the database and truncate it, so deleted or replaced text
        does not live on in the WAL. True when done (always on PostgreSQL, which has no file
        of ours to clear). Retries while another connection is mid-transaction."""
        if self.engine.dialect.name != "sqlite":
            return True
        for _ in range(CHECKPOINT_TRIES):
            async with self.engine.connect() as connection:
                busy = (await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")).first()
            if busy is not None and not busy[0]:
                return True
            await asyncio.sleep(0.05)
        return False
