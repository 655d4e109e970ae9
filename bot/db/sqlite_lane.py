"""The sender's claims and marks on SQLite, each a whole transaction in one thread.

Through aiosqlite every statement hands its result back through the event loop, so on a busy
loop (250 sends a second) a mark took 30-100 ms and a claim held SQLite's write lock across
several such waits. A message accepted by Telegram but not yet marked is sent again after a
crash, so that delay was the duplicates' window. Here a claim or a mark runs at once, start to
commit, in a thread with its own connection; the loop hears back once. The thread ends after
IDLE seconds without work and starts again on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

T = TypeVar("T")
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
