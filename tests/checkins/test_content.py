"""messages/checkins.yaml: the guide's situations, neutral lock-screen lines, and the safety
rules the guide asks tests to guard."""

import re
import shutil
from pathlib import Path

import pytest

from bot.checkins.render import checkin_text
from bot.content import MESSAGES_DIR, Content, ContentError, load_content
from bot.domain import TriggerKind
from tests.test_content import LABELS, NEUTRAL_BANNED, PHONE_LIKE

# Stricter than the daily notes: a check-in's first lines must not hint at any of this.
ALSO_BANNED = re.compile(
    r"\b(pull\w*|urge\w*|reach\w*|miss\w*|trigger\w*|him|her|them|he|she|they|text\w*|"
    r"call\w*|message\w*|online|alone|lonel\w*|drink\w*|alcohol|anniversar\w*)\b",
    re.I,
)


def checkin_texts(content: Content) -> list[tuple[str, str]]:
    texts = content.checkins
    found = [(f"opener {i}", t) for i, t in enumerate(texts.openers)]
    found += [(f"prompt {i}", t) for i, t in enumerate(texts.prompts)]
    for kind, item in texts.kinds.items():
        found += [(f"{kind} prompt", t) for t in item.prompts] + [(f"{kind} reply", item.reply)]
    for name, replies in texts.replies.items():
        found += [(f"reply {name}", t) for t in replies]
    found += [("urge", t) for t in texts.urge]
    found += [(e.id, e.text) for e in (*texts.uncounted, *texts.total_milestones.values())]
    found += [(f"ui {k}", v) for k, v in content.ui.items() if k.startswith(("ci_", "tr_"))]
    return found


def test_the_guides_situations_each_have_prompts_and_a_reply(content: Content) -> None:
    titles = {k: v.title for k, v in content.checkins.kinds.items()}
    assert set(titles) == {k.value for k in TriggerKind} - {"custom"}
    assert titles["evenings"] == "Evenings and loneliness"
    assert titles["heard"] == "Hearing from them" and titles["online"] == "Seeing them online"
    for item in content.checkins.kinds.values():
        assert len(item.prompts) >= 2 and item.reply


def test_every_check_in_opens_with_three_neutral_lines(content: Content) -> None:
    """Rule 5, stricter: the first three lines a lock screen shows say nothing about this."""
    kinds = content.checkins.kinds.items()
    sets = [("general", content.checkins.prompts), *((k, v.prompts) for k, v in kinds)]
    for opener in range(len(content.checkins.openers)):
        for name, prompts in sets:
            for index in range(len(prompts)):
                text = checkin_text(content, f"{opener}:{name}:{index}")
                lines = [line for line in text.splitlines() if line.strip()][:3]
                for line in lines:
                    assert not NEUTRAL_BANNED.search(line), line
                    assert not ALSO_BANNED.search(line), line
    first = content.ui["ci_discreet"].splitlines()[0]
    assert not NEUTRAL_BANNED.search(first) and not ALSO_BANNED.search(first)


def test_safety_rules_hold_in_check_in_texts(content: Content) -> None:
    for where, text in checkin_texts(content):
        plain = re.sub(r"<[^>]+>|\d{4}-\d{2}-\d{2}", "", text)
        assert not PHONE_LIKE.search(plain), f"{where}: {plain[:60]}"  # rule 7
        assert not LABELS.search(text), where
        assert "couples" not in text.lower(), where  # rule 3
        if re.search(r"no[- ]contact", text, re.I):
            assert "safety plan" in text.lower(), where  # rule 2
    # Hearing from them: hoovering named, no duty to answer, the safety plan close (rule 2).
    contacted = content.checkins.replies["contacted"][0]
    assert "hoovering" in contacted and "don't have to answer" in contacted
    assert "safety plan" in contacted
    # Limited contact is offered, with grey rock, where contact can't end (rule 4).
    assert "grey rock" in content.ui["ci_contacted_limited"]
    assert "grey rock" in content.ui["count_limited_note"]


def test_no_shame_after_reaching_out(content: Content) -> None:
    for text in content.checkins.replies["reached_out"]:
        assert re.search(r"isn't a failure|doesn't make you weak", text)
        assert not re.search(r"\b(failed again|should have|shame on you|disappoint\w*)", text)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "messages"
    shutil.copytree(MESSAGES_DIR, target)
    return target


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("  days_one:", "  menu: x\n  days_one:", "already in ui.yaml"),
        (
            "    Hi, it's check-in time.\n    This takes less than a minute.\n",
            "    Hi, it's check-in time.\n",
            "exactly three lines",
        ),
        ("  stress:\n    title: Stress", "  stres:\n    title: Stress", "stres"),
        ("Tap whatever fits best.", "Tap {whatever} fits best.", "placeholder"),
    ],
)
def test_broken_check_in_content_stops_start_up(
    tmp_path: Path, old: str, new: str, complaint: str
) -> None:
    folder = _copy(tmp_path)
    path = folder / "checkins.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=complaint):
        load_content(folder)  # type: ignore[arg-type]
