"""The SQLite database, its WAL and shared-memory files are 0600 in a 0700 folder, whatever
the umask; the key file too."""

import os
import stat
from pathlib import Path

from bot.app import stop_services
from bot.scheduling.clock import FakeClock
from tests.conftest import make_harness


async def test_database_files_and_key_are_private(tmp_path: Path, clock: FakeClock) -> None:
    old = os.umask(0o022)  # a permissive umask: the files must still be private
    try:
        folder = tmp_path / "data"
        h = await make_harness(f"sqlite+aiosqlite:///{folder / 'bot.sqlite3'}", clock)
        await h.send("/journal")
        await h.press("jn")
        await h.send("written while the files are open")
        names = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
        assert {"bot.sqlite3", "bot.sqlite3-wal", "bot.sqlite3-shm"} <= set(names)
        for name in ("bot.sqlite3", "bot.sqlite3-wal", "bot.sqlite3-shm"):
            assert names[name] == 0o600, name
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        key = folder / "data" / "secret.key"  # next to the database in the tests
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        await stop_services(h.app)
        await h.app.shutdown()
    finally:
        os.umask(old)
