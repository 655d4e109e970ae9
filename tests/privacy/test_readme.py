"""The README's privacy section matches what the code stores: every column of every table,
and which of them are encrypted."""

import re
from pathlib import Path

from bot.db.models import Base

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `(\w+)` \| `(\w+)` \| (.+) \|$")


def documented() -> dict[tuple[str, str], str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Privacy", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = ROW.match(line)
        if match:
            rows[(match[1], match[2])] = match[3]
    return rows


def test_every_stored_column_is_in_the_readme_and_nothing_else() -> None:
    schema = {(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns}
    assert set(documented()) == schema


def test_the_readme_says_which_columns_are_encrypted() -> None:
    rows = documented()
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            said = "encrypted" in rows[(table.name, column.name)]
            assert said == bool(column.info.get("encrypted")), f"{table.name}.{column.name}"


def test_free_text_is_only_in_encrypted_columns() -> None:
    """Text columns hold ids, codes or ciphertext; a new Text column must say which."""
    from sqlalchemy import Text

    allowed = {
        ("subscriptions", "seen"),  # ids of notes from messages/, not user text
        ("no_contact", "runs"),  # dates of earlier runs, written by the bot
    }
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, Text) and (table.name, column.name) not in allowed:
                assert column.info.get("encrypted"), f"{table.name}.{column.name}"
