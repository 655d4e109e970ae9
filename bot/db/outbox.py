"""The outbox (scheduled messages on their way out) and the lock that makes one sender.

The sending role is a PostgreSQL session advisory lock plus an epoch: every new holder raises
the epoch (table sender_epoch), claims record it (outbox.claimed_epoch), a claim fails once the
epoch has moved on, and a result is written only for a row still claimed under the epoch that
sent it. So a holder that lost the lock without noticing can neither claim nor overwrite what
its successor does, and the successor knows which rows were mid-send under whom.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    case,
    delete,
    func,
    or_,
    select,
    text,
    update,
)

from bot.db.base import USERS, RepoBase, guarded
from bot.db.models import OutboxMessage, UTCDateTime
from bot.domain import OutboxStatus, OutboxView, StorageError, outbox_kind

T = TypeVar("T")
DISPATCHER_LOCK_KEY = 0x7B0D  # pg_advisory_lock key: one dispatcher across instances

# The outbox as the sender sees it: the model's columns and the delivery columns of migration
# 0003 (claimed_epoch, uncertain, not_before), which the shared model does not map.
_DELIVERY = MetaData()
OUTBOX = Table(
    "outbox",
    _DELIVERY,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger),
    Column("kind", String(16)),
    Column("local_date", Date),
    Column("due_utc", UTCDateTime),
    Column("status", String(12)),
    Column("content_key", String(32)),
    Column("days", Integer),
    Column("total", Integer),
    Column("attempts", Integer),
    Column("sent_at", UTCDateTime),
    Column("claimed_epoch", BigInteger),
    Column("uncertain", SmallInteger),
    Column("not_before", UTCDateTime),
)
SENDER_EPOCH = Table(
    "sender_epoch",
    _DELIVERY,
    Column("id", Integer, primary_key=True),
    Column("epoch", BigInteger),
)
_LOCK_HELD = text(
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND pid = pg_backend_pid() AND classid = 0 AND objid = :key AND objsubid = 1)"
)


@dataclass(frozen=True)
class ClaimedRow(OutboxView):
    """A row claimed for sending, with the epoch that claimed it."""

    epoch: int = 0
    uncertain: int = 0  # earlier attempts that may have been delivered


class OutboxStore(RepoBase):
    _lane: SqliteLane | bool | None = False  # False: not decided yet

    def _sqlite_lane(self) -> SqliteLane | None:
        """On a SQLite file, claims and marks run in one thread (bot/db/sqlite_lane.py)."""
        if self._lane is False:
            path = self.engine.url.database
            self._lane = (
                SqliteLane(path)
                if self.engine.dialect.name == "sqlite" and path and path != ":memory:"
                else None
            )
        return self._lane if isinstance(self._lane, SqliteLane) else None

    def immediate_marks(self) -> bool:
        """Whether a result is best written at once (one hop to the SQLite thread, which
        groups what arrives together) rather than batched by the caller."""
        return self._sqlite_lane() is not None

    async def _on_lane(
        self, lane: SqliteLane, job: Callable[[sqlite3.Connection], T], grouped: bool = True
    ) -> T:
        try:
            return await lane.run(job, grouped=grouped)
        except sqlite3.Error as exc:
            raise StorageError(type(exc).__name__) from exc

    # --- outbox: sending ---------------------------------------------------------------------

    async def claim_pending(self, limit: int, epoch: int, now: datetime) -> list[ClaimedRow] | None:
        """Mark up to `limit` due pending rows as sending under `epoch` and return them.

        None when `epoch` is no longer the current one: another instance took the role.
        """
        lane = self._sqlite_lane()
        if lane is not None:
            return await self._on_lane(lane, _claim_job(limit, epoch, now), grouped=False)
        return await self._claim_pending(limit, epoch, now)

    @guarded
    async def _claim_pending(
        self, limit: int, epoch: int, now: datetime
    ) -> list[ClaimedRow] | None:
        outbox, users = OUTBOX, USERS
        async with self.engine.begin() as session:  # Core: the hot path
            current = await session.scalar(
                select(SENDER_EPOCH.c.epoch)
                .where(SENDER_EPOCH.c.id == 1)
                .with_for_update(read=True)  # a new holder's raise waits for this claim
            )
            if current != epoch:
                return None
            rows = (
                await session.execute(
                    select(
                        outbox.c.id,
                        outbox.c.chat_id,
                        outbox.c.kind,
                        outbox.c.local_date,
                        outbox.c.content_key,
                        outbox.c.days,
                        outbox.c.total,
                        outbox.c.uncertain,
                        users.c.discreet,
                    )
                    .join(users, users.c.chat_id == outbox.c.chat_id)
                    .where(
                        outbox.c.status == OutboxStatus.PENDING,
                        or_(outbox.c.not_before.is_(None), outbox.c.not_before <= now),
                    )
                    .order_by(outbox.c.due_utc, outbox.c.id)
                    .limit(limit)
                    .with_for_update(of=outbox, skip_locked=True)
                )
            ).all()
            if rows:
                await session.execute(
                    update(outbox)
                    .where(outbox.c.id.in_([r.id for r in rows]))
                    .values(
                        status=OutboxStatus.SENDING,
                        attempts=outbox.c.attempts + 1,
                        claimed_epoch=epoch,
                    )
                )
            return [
                ClaimedRow(
                    row.id,
                    row.chat_id,
                    outbox_kind(row.kind),
                    row.local_date,
                    row.content_key,
                    row.days,
                    row.total,
                    row.discreet,
                    epoch,
                    row.uncertain or 0,
                )
                for row in rows
            ]

    async def mark_outbox(
        self,
        ids: Sequence[int],
        status: OutboxStatus,
        now: datetime | None = None,
        *,
        epoch: int | None = None,
    ) -> int:
        """Record a result. With `epoch`, only for rows still claimed under it: a stale
        holder's marks are refused. Returns how many rows changed."""
        if not ids:
            return 0
        lane = self._sqlite_lane()
        if lane is not None and epoch is not None:
            sets, params = "status = ?", [str(status)]
            if now is not None:
                sets, params = "status = ?, sent_at = ?", [str(status), stored(now)]
            return await self._on_lane(lane, _mark_job(ids, epoch, sets, params))
        return await self._mark_outbox(ids, status, now, epoch)

    @guarded
    async def _mark_outbox(
        self, ids: Sequence[int], status: OutboxStatus, now: datetime | None, epoch: int | None
    ) -> int:
        values: dict[str, Any] = {"status": status}
        if now is not None:
            values["sent_at"] = now
        statement = update(OUTBOX).where(OUTBOX.c.id.in_(list(ids)))
        if epoch is not None:
            statement = statement.where(
                OUTBOX.c.status == OutboxStatus.SENDING, OUTBOX.c.claimed_epoch == epoch
            )
        async with self.engine.begin() as session:  # Core: the hot path
            result = await session.execute(statement.values(**values))
            return int(getattr(result, "rowcount", 0) or 0)

    async def release_claims(self, ids: Sequence[int], epoch: int) -> int:
        """Rows claimed under `epoch` that were certainly not delivered: pending again."""
        if not ids:
            return 0
        lane = self._sqlite_lane()
        if lane is not None:
            sets = "status = 'pending', claimed_epoch = NULL"
            return await self._on_lane(lane, _mark_job(ids, epoch, sets, []))
        return await self._release_claims(ids, epoch)

    @guarded
    async def _release_claims(self, ids: Sequence[int], epoch: int) -> int:
        async with self.engine.begin() as session:  # Core: the hot path
            result = await session.execute(
                update(OUTBOX)
                .where(
                    OUTBOX.c.id.in_(list(ids)),
                    OUTBOX.c.status == OutboxStatus.SENDING,
                    OUTBOX.c.claimed_epoch == epoch,
                )
                .values(status=OutboxStatus.PENDING, claimed_epoch=None)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    async def mark_unconfirmed(self, ids: Sequence[int], epoch: int, retry_at: datetime) -> int:
        """Rows whose send may have been delivered although no answer came: each is tried
        once more, not before `retry_at`; a row that already had such an attempt is failed
        (it may have reached the user twice). Returns how many rows changed."""
        if not ids:
            return 0
        lane = self._sqlite_lane()
        if lane is not None:
            sets = (
                "status = CASE WHEN uncertain < 1 THEN 'pending' ELSE 'failed' END,"
                " uncertain = uncertain + 1, not_before = ?, claimed_epoch = NULL"
            )
            return await self._on_lane(lane, _mark_job(ids, epoch, sets, [stored(retry_at)]))
        return await self._mark_unconfirmed(ids, epoch, retry_at)

    @guarded
    async def _mark_unconfirmed(self, ids: Sequence[int], epoch: int, retry_at: datetime) -> int:
        async with self.engine.begin() as session:  # Core: the hot path
            result = await session.execute(
                update(OUTBOX)
                .where(
                    OUTBOX.c.id.in_(list(ids)),
                    OUTBOX.c.status == OutboxStatus.SENDING,
                    OUTBOX.c.claimed_epoch == epoch,
                )
                .values(**_one_more_try(retry_at))
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @guarded
    async def in_doubt(self, epoch: int) -> int:
        """Rows left 'sending' by an earlier holder of the role: they may have gone out."""
        async with self._session() as session:
            count = await session.scalar(
                select(func.count())
                .select_from(OUTBOX)
                .where(OUTBOX.c.status == OutboxStatus.SENDING, _older(epoch))
            )
            return int(count or 0)

    @guarded
    async def requeue_interrupted(self, epoch: int | None = None) -> tuple[int, int]:
        """Rows an earlier holder (or a crash) left 'sending': at-least-once, so each goes out
        again, unless it had already been tried after an unconfirmed attempt (then failed, so
        no message is ever sent more than twice). Returns (requeued, given up)."""
        where = [OUTBOX.c.status == OutboxStatus.SENDING]
        if epoch is not None:
            where.append(_older(epoch))
        async with self._session.begin() as session:
            given_up = await session.scalar(
                select(func.count()).select_from(OUTBOX).where(*where, OUTBOX.c.uncertain >= 1)
            )
            result = await session.execute(
                update(OUTBOX).where(*where).values(**_one_more_try(None))
            )
            changed = int(getattr(result, "rowcount", 0) or 0)
            return changed - int(given_up or 0), int(given_up or 0)

    @guarded
    async def next_epoch(self) -> int:
        """Raise the sending role's epoch; the caller has just taken the role."""
        async with self._session.begin() as session:
            await session.execute(
                update(SENDER_EPOCH)
                .where(SENDER_EPOCH.c.id == 1)
                .values(epoch=SENDER_EPOCH.c.epoch + 1)
            )
            epoch = await session.scalar(select(SENDER_EPOCH.c.epoch).where(SENDER_EPOCH.c.id == 1))
            if epoch is None:
                await session.execute(SENDER_EPOCH.insert().values(id=1, epoch=1))
                epoch = 1
            return int(epoch)

    @guarded
    async def outbox_content(self, outbox_id: int, chat_id: int) -> OutboxView | None:
        """A sent row, for revealing a discreet message; only the chat it was sent to."""
        async with self._session() as session:
            row = await session.get(OutboxMessage, outbox_id)
            if row is None or row.chat_id != chat_id:
                return None
            return _outbox_view(row, True)

    @guarded
    async def expire_pending(self, before: datetime) -> int:
        """Skip pending rows due before `before`: never a message in the middle of the night."""
        async with self._session.begin() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.due_utc < before)
                .values(status=OutboxStatus.SKIPPED)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @guarded
    async def prune_outbox(self, before: date) -> int:
        async with self._session.begin() as session:
            result = await session.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.local_date < before,
                    OutboxMessage.status.in_(
                        [OutboxStatus.SENT, OutboxStatus.SKIPPED, OutboxStatus.FAILED]
                    ),
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @guarded
    async def outbox_counts(self) -> dict[str, int]:
        async with self._session() as session:
            rows = await session.execute(
                text("SELECT status, COUNT(*) FROM outbox GROUP BY status")
            )
            return {str(status): int(count) for status, count in rows}

    # --- one dispatcher across instances ---------------------------------------------------

    def several_instances(self) -> bool:
        """PostgreSQL may be shared by several instances; SQLite has one process."""
        return self.engine.dialect.name == "postgresql"

    @guarded
    async def try_dispatcher_lock(self) -> bool:
        """PostgreSQL: hold an advisory lock for the process's life. SQLite: one process only."""
        if self.engine.dialect.name != "postgresql":
            return True
        if self._lock_connection is not None:
            return True
        connection = await self.engine.connect()
        try:
            got = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": DISPATCHER_LOCK_KEY}
            )
            # The lock is the session's; leaving a transaction open for the process's life
            # would hold back VACUUM (and trip idle_in_transaction_session_timeout).
            await connection.commit()
        except BaseException:
            await connection.invalidate()
            await connection.close()
            raise
        if got:
            self._lock_connection = connection
            return True
        await connection.close()
        return False

    async def check_dispatcher_lock(self) -> bool:
        """Whether this instance still holds the lock; a dead lock connection is let go."""
        if self.engine.dialect.name != "postgresql":
            return True
        connection = self._lock_connection
        if connection is None:
            return False
        try:
            held = bool(await connection.scalar(_LOCK_HELD, {"key": DISPATCHER_LOCK_KEY}))
            await connection.commit()
        except Exception:  # the backend was terminated, the server restarted, the link broke
            held = False
        if not held:
            await self.release_dispatcher_lock()
        return held

    async def release_dispatcher_lock(self) -> None:
        """Let go of the lock connection (closing it releases the lock if it still holds)."""
        connection, self._lock_connection = self._lock_connection, None
        if connection is None:
            return
        with contextlib.suppress(Exception):  # it may be gone already
            await connection.invalidate()
        with contextlib.suppress(Exception):
            await connection.close()


def _claim_job(
    limit: int, epoch: int, now: datetime
) -> Callable[[sqlite3.Connection], list[ClaimedRow] | None]:
    """claim_pending on SQLite: one UPDATE ... RETURNING under the write lock."""

    def job(connection: sqlite3.Connection) -> list[ClaimedRow] | None:
        def work() -> list[ClaimedRow] | None:
            current = connection.execute("SELECT epoch FROM sender_epoch WHERE id = 1").fetchone()
            if current is None or current[0] != epoch:
                return None
            rows = connection.execute(
                "UPDATE outbox SET status = 'sending', attempts = attempts + 1,"
                " claimed_epoch = ? WHERE id IN (SELECT id FROM outbox WHERE status = 'pending'"
                " AND (not_before IS NULL OR not_before <= ?) ORDER BY due_utc, id LIMIT ?)"
                " RETURNING id, chat_id, kind, local_date, content_key, days, total,"
                " uncertain, due_utc",
                (epoch, stored(now), limit),
            ).fetchall()
            chats = sorted({row[1] for row in rows})
            marks = ",".join("?" * len(chats))
            discreet = dict(
                connection.execute(
                    f"SELECT chat_id, discreet FROM users WHERE chat_id IN ({marks})", chats
                ).fetchall()
                if chats
                else []
            )
            rows.sort(key=lambda row: (row[8], row[0]))
            return [
                ClaimedRow(
                    r[0],
                    r[1],
                    outbox_kind(r[2]),
                    date.fromisoformat(r[3]),
                    r[4],
                    r[5],
                    r[6],
                    bool(discreet.get(r[1])),
                    epoch,
                    r[7] or 0,
                )
                for r in rows
            ]

        return transaction(connection, work)

    return job


def _mark_job(
    ids: Sequence[int], epoch: int, sets: str, params: list[Any]
) -> Callable[[sqlite3.Connection], int]:
    """A result on SQLite: one UPDATE (committed at once), only on rows still claimed under
    `epoch`."""

    def job(connection: sqlite3.Connection) -> int:
        marks = ",".join("?" * len(ids))
        cursor = connection.execute(
            f"UPDATE outbox SET {sets} WHERE id IN ({marks})"
            " AND status = 'sending' AND claimed_epoch = ?",
            [*params, *ids, epoch],
        )
        return int(cursor.rowcount)

    return job


def _older(epoch: int) -> Any:
    return or_(OUTBOX.c.claimed_epoch.is_(None), OUTBOX.c.claimed_epoch < epoch)


def _one_more_try(retry_at: datetime | None) -> dict[str, Any]:
    """Back to pending with one more uncertain attempt counted, or failed after the second."""
    again = OUTBOX.c.uncertain < 1
    return {
        "status": case((again, OutboxStatus.PENDING), else_=OutboxStatus.FAILED),
        "uncertain": OUTBOX.c.uncertain + 1,
        "not_before": retry_at,
        "claimed_epoch": None,
    }


def _outbox_view(row: Any, discreet: bool) -> OutboxView:
    return OutboxView(
        row.id,
        row.chat_id,
        outbox_kind(row.kind),
        row.local_date,
        row.content_key,
        row.days,
        row.total,
        discreet,
    )


# --- SQLite: the sender's claims and marks, each a whole transaction in one thread -------
#
# Through aiosqlite every statement hands its result back through the event loop, so on a busy
# loop (250 sends a second) a mark took 30-100 ms and a claim held SQLite's write lock across
# several such waits. A message accepted by Telegram but not yet marked is sent again after a
# crash, so that delay was the duplicates' window. Here a claim or a mark runs at once, start to
# commit, in a thread with its own connection; the loop hears back once. The thread ends after
# IDLE seconds without work and starts again on demand.

IDLE = 5.0
_Job = tuple[
    Callable[[sqlite3.Connection], Any], asyncio.Future[Any], asyncio.AbstractEventLoop, bool
]


def stored(instant: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite DATETIME stores it (naive UTC)."""
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class SqliteLane:
    def __init__(self, path: str) -> None:
        self.path = path
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    async def run(self, job: Callable[[sqlite3.Connection], T], *, grouped: bool = False) -> T:
        """Run `job` in the thread. Grouped jobs (single statements) queued together share
        one transaction: one commit for a batch of marks."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((job, future, loop, grouped))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="outbox-sqlite", daemon=True
                )
                self._thread.start()
        return await future

    def _work(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA busy_timeout=5000")
            connection.execute("PRAGMA foreign_keys=ON")
            while True:
                try:
                    batch = [self._jobs.get(timeout=IDLE)]
                except queue.Empty:
                    with self._lock:  # idle: end, unless a job slipped in meanwhile
                        if self._jobs.empty():
                            self._thread = None
                            return
                    continue
                with contextlib.suppress(queue.Empty):
                    while True:
                        batch.append(self._jobs.get_nowait())
                start = 0
                while start < len(batch):
                    end = start + 1
                    if batch[start][3]:
                        while end < len(batch) and batch[end][3]:
                            end += 1
                    _run(connection, batch[start:end])
                    start = end
        finally:
            connection.close()


def _run(connection: sqlite3.Connection, jobs: list[_Job]) -> None:
    outcomes: list[tuple[bool, Any]] = []
    try:
        if len(jobs) > 1:
            connection.execute("BEGIN IMMEDIATE")
        for fn, _, _, _ in jobs:
            try:
                outcomes.append((True, fn(connection)))
            except sqlite3.Error as exc:
                outcomes.append((False, exc))
        if len(jobs) > 1:
            connection.execute("COMMIT")
    except sqlite3.Error as exc:  # the transaction itself failed: every job in it did
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        outcomes = [(False, exc)] * len(jobs)
    except BaseException as exc:  # a bug in a job: hand it over rather than kill the thread
        outcomes += [(False, exc)] * (len(jobs) - len(outcomes))
    for (_, future, loop, _), (ok, value) in zip(jobs, outcomes, strict=True):
        loop.call_soon_threadsafe(_succeed if ok else _fail, future, value)


def _succeed(future: asyncio.Future[Any], result: Any) -> None:
    if not future.done():
        future.set_result(result)


def _fail(future: asyncio.Future[Any], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)


def transaction(connection: sqlite3.Connection, work: Callable[[], T]) -> T:
    """BEGIN IMMEDIATE (the write lock first, so nothing changes between read and write)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        result = work()
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return result
