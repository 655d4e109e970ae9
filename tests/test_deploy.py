"""What can be checked of the deployment files without Docker: paths, commands, settings."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from bot.__main__ import main
from bot.config import Settings
from bot.content import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> set[str]:
    """The sub-commands `python -m bot` knows, from its own parser."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(["--help"])
    match = re.search(r"\{([a-z,-]+)\}", out.getvalue())
    assert match
    return set(match[1].split(","))


def test_dockerfile_copies_what_exists_and_runs_a_real_command() -> None:
    text = (ROOT / "Dockerfile").read_text()
    for line in text.splitlines():
        if line.startswith("COPY") and "--from" not in line:
            *sources, _ = shlex.split(line)[1:]
            for source in sources:
                assert (ROOT / source).exists(), source
    cmd = re.search(r'^CMD \["trauma-bond-bot", "([a-z-]+)"\]', text, re.M)
    health = re.search(r'HEALTHCHECK .*CMD \["trauma-bond-bot", "([a-z-]+)"\]', text)
    assert cmd and health
    assert {cmd[1], health[1]} <= _commands()
    readme = (ROOT / "README.md").read_text()
    assert f"trauma-bond-bot {cmd[1]}" in readme


def test_compose_services_commands_and_settings_match() -> None:
    compose = load_yaml((ROOT / "compose.yaml").read_text())
    bot = compose["services"]["bot"]
    assert bot["command"][0] == "trauma-bond-bot" and bot["command"][1] in _commands()
    known = {name.upper() for name in Settings.model_fields}
    assert set(bot["environment"]) <= known, set(bot["environment"]) - known
    assert "db" in bot["depends_on"] and "db" in compose["services"]
    assert "DATABASE_URL" in bot["environment"]
    assert "@db:5432/" in bot["environment"]["DATABASE_URL"]


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    for command in _commands():
        assert f"python -m bot {command}" in readme, command
