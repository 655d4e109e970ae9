"""An event loop on a thread of its own, for a stand-in server that a command run in the test's
process calls: the command runs its own loop (asyncio.run) in the main thread meanwhile."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
Call = Callable[[Coroutine[Any, Any, T]], T]


@contextlib.contextmanager
def loop_on_a_thread() -> Iterator[Call[Any]]:
    """`call(coroutine)` runs the coroutine on the thread's loop and returns its result."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="stand-in-server", daemon=True)
    thread.start()

    def call(coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(30)

    try:
        yield call
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        loop.close()
