"""The command line: one clear line and a non-zero exit for bad settings, never a traceback.

Most tests call `python -m bot`'s entry function in this process (tests/helpers/cli.py); a few
start the real interpreter, and the installed `trauma-bond-bot` command, end to end.
"""

import asyncio
import json
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import _start_from_template
from tests.helpers.cli import environment, run, run_subprocess
from tests.helpers.tiny_bot_api import serving


def installed_command() -> str:
    """The console script pip installed next to this interpreter (README: pip install -e .)."""
    found = shutil.which("trauma-bond-bot", path=str(Path(sys.executable).parent))
    assert found, "trauma-bond-bot is not installed next to this interpreter: pip install -e ."
    return found


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "does not look like a bot token"),
        ({"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"DEFAULT_COUNTRY": "Narnia"}, "DEFAULT_COUNTRY"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_bad_settings_give_one_line(tmp_path: Path, env: dict[str, str], message: str) -> None:
    result = run(["run"], tmp_path, **env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_database_gives_one_line(tmp_path: Path) -> None:
    result = run(
        ["migrate"], tmp_path, DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:1/none"
    )
    assert result.returncode != 0
    assert "Cannot use the database" in result.stderr and "Traceback" not in result.stderr


def test_match_prints_json_lines(tmp_path: Path) -> None:
    result = run(["match"], tmp_path, stdin="what is hoovering\ni want to die\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["topics"][0]["id"] == "hoovering" and lines[0]["crisis"] == "none"
    assert lines[1]["crisis"] == "self_harm"
    assert len(lines[0]["topics"]) == 3 and {"id", "score"} <= set(lines[0]["topics"][0])
    single = run(["match", "why", "do", "i", "miss", "him"], tmp_path)
    assert json.loads(single.stdout)["text"] == "why do i miss him"


def test_scripted_chat_shows_replies_in_order(tmp_path: Path) -> None:
    """The README's example: welcome, US lines, hoovering, crisis reply, in that order (a new
    interpreter, as a person runs it)."""
    script = "/start\n/hotline\nwhat is hoovering\ni want to die\n"
    result = run_subprocess(["chat"], tmp_path, stdin=script, DATABASE_URL=None)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    position = 0
    for needle in (
        "> /start",
        "quiet place",
        "> /hotline",
        "1-800-799-7233",
        "> what is hoovering",
        "called hoovering",
        "> i want to die",
        "so sorry you're hurting",
        "988",
    ):
        position = out.index(needle, position)  # each after the one before
    assert (tmp_path / "data" / "bot.sqlite3").exists()  # created on first run


def test_chat_buttons_are_pressed_by_number(tmp_path: Path) -> None:
    result = run(["chat", "--user", "42"], tmp_path, stdin="/menu\n1\n")
    assert "[1] 📖 Understand it" in result.stdout
    after = result.stdout.split("> 1", 1)[1]
    assert "Pick a theme" in after


def test_small_talk_script(tmp_path: Path) -> None:
    """The issue's script: a greeting, thanks and "menu" each get a fitting reply."""
    result = run(["chat"], tmp_path, stdin="hi\nthanks\nmenu\n", DATABASE_URL=None)
    assert result.returncode == 0, result.stderr
    hi = result.stdout.split("> hi", 1)[1].split("> thanks", 1)[0]
    thanks = result.stdout.split("> thanks", 1)[1].split("> menu", 1)[0]
    menu = result.stdout.split("> menu", 1)[1]
    assert "I'm here" in hi and "Understand it" in hi
    assert "You're welcome" in thanks and "Help now" in thanks
    assert "What would help right now?" in menu and "Daily notes" in menu


def test_a_typed_step_does_not_swallow_the_next_question(tmp_path: Path) -> None:
    """/daily, a button, then /explain and a question: the question is answered."""
    script = "/daily\n1\n/explain\nwhy do i miss him\n"
    result = run(["chat"], tmp_path, stdin=script, DATABASE_URL=None)
    after = result.stdout.split("> why do i miss him", 1)[1]
    assert "couldn't read that as a time" not in after
    assert "Missing someone who hurt you" in after


TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"


def test_a_second_poller_gets_one_line_and_stops(tmp_path: Path) -> None:
    """The installed command, polling in a process of its own (signals and all)."""
    # A database already migrated (this test is about polling, not Alembic: about 1 s less).
    asyncio.run(_start_from_template(environment(tmp_path)["DATABASE_URL"]))
    with serving("conflict") as base_url:
        result = run_subprocess(
            ["run"],
            tmp_path,
            command=installed_command(),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=base_url,
        )
    assert result.returncode == 2
    assert "409 Conflict" in result.stderr and "long polling runs one instance" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_server_that_is_not_a_bot_api_gets_one_line(tmp_path: Path) -> None:
    with serving("html404") as base_url:
        result = run(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=base_url)
    assert result.returncode == 2
    assert "not a Bot API server" in result.stderr
    assert "Traceback" not in result.stderr and "JSON" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_database_path_under_a_file_gets_one_line(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = run(["migrate"], tmp_path, DATABASE_URL="sqlite+aiosqlite:///./afile/bot.sqlite3")
    assert result.returncode != 0
    assert "Cannot use the database file" in result.stderr and "Traceback" not in result.stderr


def test_crisis_done_when_scripts(tmp_path: Path) -> None:
    """The crisis issue's scripts, as written there."""
    flow = run(
        ["chat"],
        tmp_path,
        stdin="/daily\n1\nhe is outside my door with a knife\nwhat is hoovering\n",
        DATABASE_URL=None,
    ).stdout
    danger = flow.split("> he is outside my door with a knife", 1)[1]
    assert danger.index("911") < danger.index("> what is hoovering")
    assert "called hoovering" in danger.split("> what is hoovering", 1)[1]
    pills = run(["chat"], tmp_path, stdin="i took a bunch of pills\n", DATABASE_URL=None).stdout
    assert pills.split("> i took a bunch of pills", 1)[1].lstrip().startswith("Call 911 now.")
    spanish = run(["chat"], tmp_path, stdin="quiero morir\n", DATABASE_URL=None).stdout
    assert "988" in spanish.split("> quiero morir", 1)[1]
