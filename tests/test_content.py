"""All of messages/ loads, and the content guide's checkable safety rules hold."""

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content import MESSAGES_DIR, Content, ContentError, check_html, load_content

NEUTRAL_BANNED = re.compile(
    r"\b(abus\w*|trauma\w*|bond\w*|no[- ]contact|contact|recover\w*|relapse|slip|hurt|harm|violen\w*|"
    r"crisis|hotline|therapy|ex|partner|suicid\w*|leav\w*)\b",
    re.I,
)
PHONE_LIKE = re.compile(r"\d[\d\s-]{1,}\d|\b\d{3,}\b")
LABELS = re.compile(r"narcissis|psychopath|sociopath", re.I)


def all_texts(content: Content) -> list[tuple[str, str]]:
    texts = [(f"ui:{k}", v) for k, v in content.ui.items()]
    for topic in content.topics.values():
        texts += [(f"topic:{topic.id}:short", topic.short), (f"topic:{topic.id}:more", topic.more)]
    daily = content.daily
    texts += [(f"daily:{e.id}", e.text) for e in daily.grounding + daily.after_slip]
    texts += [(f"daily:{e.id}", e.text) for stage in daily.encouragement.values() for e in stage]
    texts += [(f"milestone:{d}", t) for d, t in daily.milestones.items()]
    return texts


def test_every_topic_of_the_guide_is_there(content: Content) -> None:
    guide_ids = {
        "what-is-trauma-bonding",
        "why-leaving-is-hard",
        "cycle",
        "intermittent-reinforcement",
        "brain-chemistry",
        "signs",
        "abuser-tactics",
        "isolation",
        "hypervigilance",
        "learned-helplessness",
        "self-gaslighting",
        "self-blame",
        "emotional-invalidation",
        "hope",
        "grief",
        "hoovering",
        "withdrawal",
        "no-contact",
        "co-parenting",
        "safety-planning",
        "reality-check",
        "therapy",
        "rebuilding-identity",
        "relapse",
        "who-is-vulnerable",
        "where-it-happens",
        "not-trauma-bonding",
        "codependency",
        "healthy-love",
        "narcissism",
        # Added beyond the guide's table: safety and particular situations.
        "danger-signs",
        "living-together",
        "phone-safety",
        "kinds-of-abuse",
        "legal-routes",
        "children-and-pets",
        "helping-someone",
        "contacting-a-helpline",
        "threats-to-self-harm",
        "only-when-drinking",
        "groups-with-needs",
    }
    assert set(content.topics) == guide_ids
    for topic in content.topics.values():
        assert len(topic.examples) >= 8, topic.id
        assert len(topic.short) < 700, topic.id


def test_daily_counts(content: Content) -> None:
    assert len(content.daily.grounding) >= 40
    assert sum(len(s) for s in content.daily.encouragement.values()) >= 60
    assert set(content.daily.milestones) == {1, 3, 7, 14, 30, 60, 90, 180, 365}


def test_rule7_numbers_only_in_hotline_data(content: Content) -> None:
    for where, text in all_texts(content):
        plain = re.sub(r"<[^>]+>|\d{4}-\d{2}-\d{2}", "", text)  # example dates are not numbers
        assert not PHONE_LIKE.search(plain.replace("24/7", "")), (
            f"{where} has a number: {plain[:80]}"
        )


def test_hotlines_have_source_and_date(content: Content) -> None:
    for country in [*content.countries.values(), content.fallback]:
        assert any(line.purpose == "emergency" for line in country.lines)
        for line in country.lines:
            assert line.source and line.verified.year >= 2026
    us = content.countries["US"]
    joined = " ".join(" ".join(line.how) for line in us.lines)
    assert "911" in joined and "1-800-799-7233" in joined and "988" in joined


def test_labels_only_where_the_guide_explains_them(content: Content) -> None:
    for where, text in all_texts(content):
        if where.startswith("topic:narcissism:"):
            continue
        assert not LABELS.search(text), where


def test_no_couples_therapy_suggestion(content: Content) -> None:
    for where, text in all_texts(content):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if "couples" in sentence.lower():
                assert re.search(
                    r"\b(not|rather than|instead|against|avoid|caution|risky)\b", sentence, re.I
                ), where


# Lists of commands and settings name the feature without encouraging anything.
LISTINGS = ("ui:cmd_", "ui:kind_", "ui:btn", "ui:help", "ui:daily_status", "ui:progress\0")


def test_no_contact_always_with_safety_plan(content: Content) -> None:
    for where, text in all_texts(content):
        if re.search(r"no[- ]contact", text, re.I) and not (where + "\0").startswith(LISTINGS):
            assert "safety plan" in text.lower(), where
    assert "safety plan" in content.ui["encouragement_footer"]


def test_grey_rock_where_contact_cannot_end(content: Content) -> None:
    assert (
        "grey rock"
        in (content.topics["co-parenting"].short + content.topics["co-parenting"].more).lower()
    )


def test_unprompted_openers_are_neutral(content: Content) -> None:
    for key in ("daily_opener_grounding", "daily_opener_encouragement", "daily_discreet"):
        first_line = content.ui[key].splitlines()[0]
        assert not NEUTRAL_BANNED.search(first_line), key


def test_welcome_says_what_it_is_not(content: Content) -> None:
    welcome = content.ui["welcome"]
    for needle in ("therapy", "emergency", "TF-CBT", "DBT", "EMDR", "Help now", "/hide", "/stop"):
        assert needle in welcome
    assert "/delete" in content.ui["how_it_works"]  # one tap away from the welcome


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "messages"
    shutil.copytree(MESSAGES_DIR, target)
    return target


@pytest.mark.parametrize(
    ("file", "old", "new", "complaint"),
    [
        ("ui.yaml", "menu: |-", "menu_typo: |-\n  x\nmenu: |-", None),
        ("ui.yaml", "Your count</b>", "Your count</i>", "does not close"),
        ("ui.yaml", "Counting from {date}", "Counting from {dat e}", "placeholder"),
        ("ui.yaml", "Counting from {date}", "Counting from {dste}", "unknown placeholder"),
        ("ui.yaml", "<b>Help in {country}</b>", "<blink>Help in {country}</blink>", "HTML subset"),
        ("ui.yaml", 'btn_menu: "☰ Menu"', 'btn_menu: "' + "m" * 41 + '"', "1-40"),
        ("topics.yaml", "  - id: grief\n", "  - id: grief\n    colour: blue\n", "unknown key"),
        ("daily.yaml", "  - id: g01\n", "  - id: g01\n    mood: calm\n", "unknown key"),
        ("hotlines.yaml", "verified: 2026-11-21", "verified: soon", "verified must be a date"),
    ],
)
def test_validation_names_file_and_entry(
    tmp_path: Path, file: str, old: str, new: str, complaint: str | None
) -> None:
    directory = _copy(tmp_path)
    path = directory / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    if complaint is None:  # an extra ui key is allowed (unused keys are harmless)
        load_content(directory)
        return
    with pytest.raises(ContentError, match=complaint) as info:
        load_content(directory)
    assert file in str(info.value)


def test_overlong_text_and_callback_data_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="over Telegram"):
        check_html("a" * 4097, "x")
    check_html("&amp;" * 4096, "x")  # entities count as one character each
    directory = _copy(tmp_path)
    path = directory / "topics.yaml"
    path.write_text(
        path.read_text()
        .replace("id: grief", "id: " + "g" * 70)
        .replace("grief]", "g" * 70 + "]")
        .replace("grief,", "g" * 70 + ",")
    )
    with pytest.raises(ContentError, match="64 bytes"):
        load_content(directory)


def test_missing_file_is_named(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / "daily.yaml").unlink()
    with pytest.raises(ContentError, match=r"daily\.yaml: file is missing"):
        load_content(directory)


# A dialable number or short code: digits, maybe with spaces or hyphens, maybe after # or +, not
# glued to letters ("1800RESPECT" is a name, "9am" an hour, "24-hour" a length of time).
DIALABLE = re.compile(r"(?<![\w#+])[#+]?\d(?:[\d -]*\d)?(?!\w|-[A-Za-z])")
# A vanity spelling in brackets, "(0800 REFUGE)", repeats a number given in <code> just before.
VANITY = re.compile(r"\(\d+(?: \d+)* [A-Z]{3,}\)")


def test_hotlines_complete_copyable_and_dated(content: Content) -> None:
    """Each country has emergency help and abuse help (or a directory of it); every number in what
    the reader sees (name, ways, hours) sits in <code> so one tap copies it; every line has a
    source and a verified date that has already happened somewhere (UTC+14 is the earliest)."""
    latest = (datetime.now(UTC) + timedelta(hours=14)).date()
    for country in [*content.countries.values(), content.fallback]:
        purposes = {line.purpose for line in country.lines}
        assert "emergency" in purposes, country.code
        assert purposes & {"domestic_abuse", "directory"}, country.code
        for line in country.lines:
            where = f"{country.code}: {line.name}"
            assert line.source.strip(), where
            assert line.verified <= latest, f"{where}: verified {line.verified} is in the future"
            for text in (line.name, *line.how, line.hours):
                outside = re.sub(r"<code>.*?</code>", " ", text)  # numbers in <code> are fine
                outside = re.sub(r"<[^>]*>", " ", outside)  # tags, and links' addresses
                outside = VANITY.sub(" ", outside.replace("24/7", " "))
                found = DIALABLE.search(outside)
                assert not found, f"{where}: {found.group() if found else ''!r} is not in <code>"
