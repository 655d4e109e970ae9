"""The command line for tests: `run` calls `python -m bot`'s own entry function in this process
(about 0.3 s a call where a fresh interpreter spends 2-3 s importing and compiling the bot);
`run_subprocess` starts the real interpreter, for the few tests that prove the installed
command works end to end. Both take the same arguments and give the same result."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    """What a finished command left: as subprocess.CompletedProcess has it."""

    returncode: int
    stdout: str
    stderr: str


def environment(tmp_path: Path, **env: str | None) -> dict[str, str]:
    """This process's environment without Telegram or database settings, a SQLite file in
    tmp_path, then `env` (None removes a variable, to test the default)."""
    result = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    result |= {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"}
    for key, value in env.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def run_subprocess(
    args: list[str],
    tmp_path: Path,
    stdin: str = "",
    *,
    command: str | None = None,
    **env: str | None,
) -> Result:
    """`python -m bot ARGS` in a new interpreter, from tmp_path; or `command ARGS`, the
    installed console script, which finds the package without help (no PYTHONPATH)."""
    environ = environment(tmp_path, **env)
    if command is None:
        environ["PYTHONPATH"] = str(ROOT)
    else:
        environ.pop("PYTHONPATH", None)
    done = subprocess.run(
        [*([command] if command else [sys.executable, "-m", "bot"]), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environ,
        timeout=120,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def run(args: list[str], tmp_path: Path, stdin: str = "", **env: str | None) -> Result:
    """`python -m bot ARGS` as bot.__main__.main in this process, from tmp_path: the same
    environment, standard input and output as run_subprocess, and logging as a fresh process
    has it (no handler on the root logger), put back afterwards."""
    from bot.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, environment(tmp_path, **env), clear=True),
        contextlib.chdir(tmp_path),
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        fresh_logging(),
        signals_kept(),
    ):
        try:
            code = main(args)
        except SystemExit as exit_:  # argparse
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Result(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def fresh_logging() -> Iterator[None]:
    """No root handler (so bot.__main__.setup_logging adds its own, as in a new process), and
    every logger's level as it was afterwards; the handlers it added are closed."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    loggers = {
        name: (logger.level, logger.propagate)
        for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    root.handlers = []
    try:
        yield
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers, root.level = handlers, level
        for name, logger in logging.Logger.manager.loggerDict.items():
            if isinstance(logger, logging.Logger):
                logger.level, logger.propagate = loggers.get(name, (logging.NOTSET, True))
        logging.Logger.manager._clear_cache()  # type: ignore[attr-defined]


@contextlib.contextmanager
def signals_kept() -> Iterator[None]:
    """`run` stops on SIGINT and SIGTERM through its event loop; the test process's own
    handlers come back after it."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)
