"""Loads and validates messages/ into frozen dataclasses at start-up; any fault stops start-up.

Checks: required fields, unknown keys, placeholders, Telegram's HTML subset, the 4,096-character
limit after entity parsing, and callback data within 64 bytes.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from bot.policy import ENCOURAGEMENT_STAGES, MILESTONES

# The content ships inside the package as the top-level `messages` package's data, so an
# installed wheel finds it wherever it runs; from the checkout it is the same folder.
MESSAGES_DIR: Traversable = files("messages")
TELEGRAM_TEXT_LIMIT = 4096
CALLBACK_LIMIT = 64
SHORT_ANSWER_LIMIT = 700
ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote"}
# Placeholders a text may use; anything else is a typo that would break at send time.
UI_PLACEHOLDERS = {
    "number",
    "title",
    "country",
    "time",
    "zone",
    "now",
    "date",
    "days",
    "total",
    "longest",
    "kind",
    "status",
    "example",
    "limit",
    "count",
    "name",
    "start",
    "commands",
    "how",
    "hours",
    "source",
    "lines",
    "body",
    "slips",
    "topics",
    "mode",  # checkins branch: the counter's mode
}
# --- privacy: the journal, safety plans, /stats ---
UI_PLACEHOLDERS |= {"what", "felt", "lines", "users", "subscriptions", "active", "sent"}
UI_PLACEHOLDERS |= {"skipped", "failed", "danger", "self_harm", "disclosure", "journal"}
UI_PLACEHOLDERS |= {"plans", "held"}
# --- end privacy ---
DAILY_PLACEHOLDERS = {"days", "total"}
LINE_PURPOSES = ("emergency", "domestic_abuse", "crisis", "directory")


# libyaml's loader when PyYAML has it (several times faster at start-up), else pure Python.
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """YAML text as data, safely (no tags that build objects), with libyaml when present."""
    return yaml.load(text, Loader=YAML_LOADER)


class ContentError(Exception):
    """A content file is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    short: str
    more: str
    examples: tuple[str, ...]
    related: tuple[str, ...]
    seeds: tuple[str, ...]


@dataclass(frozen=True)
class TopicGroup:
    id: str
    title: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    name: str
    purpose: str
    how: tuple[str, ...]
    hours: str
    source: str
    verified: date


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    flag: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Entry:
    id: str
    text: str


@dataclass(frozen=True)
class Daily:
    grounding: tuple[Entry, ...]
    encouragement: Mapping[str, tuple[Entry, ...]]
    milestones: Mapping[int, str]
    after_slip: tuple[Entry, ...]


# --- checkins branch: messages/checkins.yaml -------------------------------------------------


@dataclass(frozen=True)
class TriggerText:
    """A situation from the content guide's list: its name, check-in prompts and a reply."""

    title: str
    prompts: tuple[str, ...]
    reply: str


@dataclass(frozen=True)
class Checkins:
    kinds: Mapping[str, TriggerText]  # by bot.domain.TriggerKind value, in the guide's order
    openers: tuple[str, ...]  # three neutral lines each: what a lock screen shows
    prompts: tuple[str, ...]  # for check-ins not tied to one of the guide's situations
    replies: Mapping[str, tuple[str, ...]]  # by answer: low, mid, high, other, ...
    urge: tuple[str, ...]
    uncounted: tuple[Entry, ...]  # daily notes while no count is running
    total_milestones: Mapping[int, Entry]  # on all days together, for people who slipped


CHECKIN_PLACEHOLDERS = {
    "title",
    "plan",
    "reach",
    "reasons",
    "pull",
    "when",
    "count",
    "days",
    "total",
    "longest",
    "mode",
    "list",
    "date",
    "time",
    "zone",
    "now",
    "hours",
    "minutes",
    "channel",
    "average",
    "recent",
    "limit",
}
CHECKIN_REPLIES = ("low", "mid", "high", "other", "contacted", "reached_out")
# --- end checkins branch ---


@dataclass(frozen=True)
class Content:
    ui: Mapping[str, str]
    topics: Mapping[str, Topic]
    groups: tuple[TopicGroup, ...]
    countries: Mapping[str, Country]
    fallback: Country
    daily: Daily
    entries: Mapping[str, Entry]  # every daily entry by id, for rendering queued messages
    checkins: Checkins  # checkins branch

    def text(self, key: str, markup: Mapping[str, str] | None = None, **params: object) -> str:
        """A UI text by key. Parameters are HTML-escaped; `markup` holds validated HTML."""
        values = {k: html.escape(str(v), quote=False) for k, v in params.items()}
        return self.ui[key].format_map(values | dict(markup or {}))

    def country(self, code: str | None) -> Country:
        return self.countries.get((code or "").upper(), self.fallback)

    def entry(self, key: str) -> Entry | None:
        """A daily entry (grounding, encouragement or after-slip) by id."""
        return self.entries.get(key)


class _HTMLCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"tag <{tag}> is not in Telegram's HTML subset")
        if tag == "a" and not any(k == "href" and v for k, v in attrs):
            self.errors.append("<a> needs an href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"</{tag}> does not close the open tag")

    def handle_entityref(self, name: str) -> None:
        if name not in {"lt", "gt", "amp", "quot"}:
            self.errors.append(f"&{name}; is not an entity Telegram knows")


def check_html(text: str, where: str) -> None:
    """Raise ContentError unless text is valid Telegram HTML within the length limit."""
    parser = _HTMLCheck()
    parser.feed(text)
    parser.close()
    if parser.stack:
        parser.errors.append(f"<{parser.stack[-1]}> is never closed")
    if "&" in text.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace(
        "&quot;", ""
    ):
        parser.errors.append("a bare & must be written &amp;")
    if parser.errors:
        raise ContentError(f"{where}: {parser.errors[0]}")
    plain = html.unescape(_strip_tags(text))
    if not plain.strip():
        raise ContentError(f"{where}: text is empty")
    if len(plain) > TELEGRAM_TEXT_LIMIT:
        raise ContentError(
            f"{where}: {len(plain)} characters, over Telegram's {TELEGRAM_TEXT_LIMIT}"
        )


# A tag: from "<" to the next ">", or to the end of an unclosed one.
_TAG = re.compile(r"<[^>]*(?:>|\Z)")


def _strip_tags(text: str) -> str:
    return _TAG.sub("", text)


def check_placeholders(text: str, allowed: set[str], where: str) -> set[str]:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ContentError(f"{where}: broken placeholder ({exc})") from None
    unknown = {n for n in names if n not in allowed}
    if unknown:
        raise ContentError(f"{where}: unknown placeholder {{{sorted(unknown)[0]}}}")
    return names


def check_callback(data: str, where: str) -> None:
    if not 1 <= len(data.encode()) <= CALLBACK_LIMIT:
        raise ContentError(f"{where}: callback data {data!r} is over {CALLBACK_LIMIT} bytes")


class _Reader:
    """Reads one YAML file and reports faults with the file and entry named."""

    def __init__(self, directory: Traversable, name: str) -> None:
        self.name = name
        path = directory / name
        try:
            self.data: Any = load_yaml(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ContentError(f"{name}: file is missing") from None
        except yaml.YAMLError as exc:
            raise ContentError(f"{name}: not valid YAML ({exc})") from None

    def fail(self, where: str, problem: str) -> ContentError:
        return ContentError(f"{self.name}: {where}: {problem}")

    def mapping(
        self, value: Any, where: str, required: set[Any], optional: set[Any]
    ) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "expected a mapping")
        missing = required - value.keys()
        if missing:
            raise self.fail(where, f"missing field {sorted(missing)[0]!r}")
        unknown = set(value) - required - optional
        if unknown:
            raise self.fail(where, f"unknown key {sorted(map(str, unknown))[0]!r}")
        return value

    def text(self, value: Any, where: str, allowed: set[str], limit: int | None = None) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "expected non-empty text")
        text = value.strip()
        check_placeholders(text, allowed, f"{self.name}: {where}")
        check_html(text, f"{self.name}: {where}")
        if limit is not None and len(html.unescape(_strip_tags(text))) > limit:
            raise self.fail(where, f"longer than {limit} characters")
        return text

    def strings(self, value: Any, where: str, minimum: int = 0) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, "expected a list of texts")
        if len(value) < minimum:
            raise self.fail(where, f"needs at least {minimum} entries, has {len(value)}")
        return tuple(v.strip() for v in value)


def load_content(directory: Traversable = MESSAGES_DIR) -> Content:
    """Load every file in messages/; ContentError names the first fault found."""
    ui = _load_ui(_Reader(directory, "ui.yaml"))
    groups, topics = _load_topics(_Reader(directory, "topics.yaml"))
    countries, fallback = _load_hotlines(_Reader(directory, "hotlines.yaml"))
    daily = _load_daily(_Reader(directory, "daily.yaml"))
    entries = [*daily.grounding, *daily.after_slip]
    for stage in daily.encouragement.values():
        entries.extend(stage)
    checkins = _load_checkins(_Reader(directory, "checkins.yaml"), ui)  # checkins branch
    entries += [*checkins.uncounted, *checkins.total_milestones.values()]
    if len({e.id for e in entries}) != len(entries):
        raise ContentError("checkins.yaml: an entry id repeats one in daily.yaml")
    return Content(
        ui, topics, groups, countries, fallback, daily, {e.id: e for e in entries}, checkins
    )


def _load_ui(reader: _Reader) -> dict[str, str]:
    if not isinstance(reader.data, dict):
        raise reader.fail("top level", "expected a mapping of keys to texts")
    ui: dict[str, str] = {}
    for key, value in reader.data.items():
        if key.startswith("btn_"):
            if not isinstance(value, str) or not 0 < len(value) <= 40:
                raise reader.fail(key, "a button label must be 1-40 characters")
            ui[key] = value
        else:
            ui[key] = reader.text(value, key, UI_PLACEHOLDERS)
    return ui


def _load_topics(reader: _Reader) -> tuple[tuple[TopicGroup, ...], dict[str, Topic]]:
    data = reader.mapping(reader.data, "top level", {"groups", "topics"}, set())
    topics: dict[str, Topic] = {}
    for i, raw in enumerate(data["topics"] or []):
        where = f"topics[{i}]"
        item = reader.mapping(
            raw, where, {"id", "title", "short", "examples", "related", "seeds"}, {"more"}
        )
        topic_id = item["id"]
        if not isinstance(topic_id, str) or not topic_id or topic_id in topics:
            raise reader.fail(where, f"id {topic_id!r} is missing or repeated")
        where = f"topic {topic_id}"
        for prefix in ("t:", "tm:"):
            check_callback(prefix + topic_id, f"{reader.name}: {where}")
        title = item["title"]
        if not isinstance(title, str) or not 0 < len(title) <= 40:
            raise reader.fail(where, "title must be 1-40 characters (it is a button label)")
        topics[topic_id] = Topic(
            id=topic_id,
            title=title,
            short=reader.text(item["short"], f"{where}: short", set(), SHORT_ANSWER_LIMIT),
            more=reader.text(item["more"], f"{where}: more", set()) if item.get("more") else "",
            examples=reader.strings(item["examples"], f"{where}: examples", minimum=8),
            related=reader.strings(item["related"], f"{where}: related"),
            seeds=reader.strings(item["seeds"], f"{where}: seeds", minimum=1),
        )
    for topic in topics.values():
        for other in topic.related:
            if other not in topics or other == topic.id:
                raise reader.fail(f"topic {topic.id}: related", f"unknown topic {other!r}")
    groups: list[TopicGroup] = []
    grouped: list[str] = []
    for i, raw in enumerate(data["groups"] or []):
        item = reader.mapping(raw, f"groups[{i}]", {"id", "title", "topics"}, set())
        ids = reader.strings(item["topics"], f"group {item['id']}: topics", minimum=1)
        for topic_id in ids:
            if topic_id not in topics:
                raise reader.fail(f"group {item['id']}", f"unknown topic {topic_id!r}")
        grouped.extend(ids)
        check_callback(f"xg:{item['id']}:99", f"{reader.name}: group {item['id']}")
        groups.append(TopicGroup(item["id"], item["title"], ids))
    if sorted(grouped) != sorted(topics):
        raise reader.fail("groups", "every topic must be in exactly one group")
    return tuple(groups), topics


def _load_hotlines(reader: _Reader) -> tuple[dict[str, Country], Country]:
    data = reader.mapping(reader.data, "top level", {"countries", "fallback"}, set())
    countries: dict[str, Country] = {}
    for code, raw in (data["countries"] or {}).items():
        countries[code] = _country(reader, str(code), raw)
    fallback = _country(reader, "fallback", data["fallback"])
    return countries, fallback


def _country(reader: _Reader, code: str, raw: Any) -> Country:
    where = f"country {code}"
    item = reader.mapping(raw, where, {"name", "flag", "lines"}, set())
    if code != "fallback" and (len(code) != 2 or not code.isupper()):
        raise reader.fail(where, "country codes are two capital letters")
    lines = []
    for i, line_raw in enumerate(item["lines"] or []):
        line_where = f"{where}: lines[{i}]"
        line = reader.mapping(
            line_raw, line_where, {"name", "purpose", "how", "hours", "source", "verified"}, set()
        )
        if line["purpose"] not in LINE_PURPOSES:
            raise reader.fail(line_where, f"purpose must be one of {', '.join(LINE_PURPOSES)}")
        if not isinstance(line["verified"], date):
            raise reader.fail(line_where, "verified must be a date (YYYY-MM-DD)")
        lines.append(
            Line(
                name=reader.text(line["name"], f"{line_where}: name", set()),
                purpose=line["purpose"],
                how=tuple(
                    reader.text(h, f"{line_where}: how", set())
                    for h in reader.strings(line["how"], f"{line_where}: how", minimum=1)
                ),
                hours=reader.text(line["hours"], f"{line_where}: hours", set()),
                source=reader.text(line["source"], f"{line_where}: source", set()),
                verified=line["verified"],
            )
        )
    if not any(line.purpose == "emergency" for line in lines):
        raise reader.fail(where, "needs an emergency entry")
    return Country(code, str(item["name"]), str(item["flag"]), tuple(lines))


def _entries(
    reader: _Reader, raw: Any, where: str, minimum: int, need: set[str]
) -> tuple[Entry, ...]:
    if not isinstance(raw, list) or len(raw) < minimum:
        raise reader.fail(where, f"needs at least {minimum} entries")
    entries = []
    for i, item_raw in enumerate(raw):
        item = reader.mapping(item_raw, f"{where}[{i}]", {"id", "text"}, set())
        text = reader.text(item["text"], f"{where} {item['id']}", DAILY_PLACEHOLDERS, 3500)
        names = check_placeholders(text, DAILY_PLACEHOLDERS, f"{reader.name}: {where}")
        if need and not names & need:
            raise reader.fail(f"{where} {item['id']}", f"must use {{{sorted(need)[0]}}}")
        check_callback(f"rv:{item['id']}:99999999999", f"{reader.name}: {where} {item['id']}")
        entries.append(Entry(str(item["id"]), text))
    return tuple(entries)


def _load_daily(reader: _Reader) -> Daily:
    data = reader.mapping(
        reader.data, "top level", {"grounding", "encouragement", "milestones", "after_slip"}, set()
    )
    grounding = _entries(reader, data["grounding"], "grounding", 40, set())
    stages_raw = reader.mapping(
        data["encouragement"], "encouragement", {name for name, _ in ENCOURAGEMENT_STAGES}, set()
    )
    stages = {
        s: _entries(reader, stages_raw[s], f"encouragement {s}", 1, {"days"})
        for s, _ in ENCOURAGEMENT_STAGES
    }
    if sum(len(v) for v in stages.values()) < 60:
        raise reader.fail("encouragement", "needs at least 60 entries across stages")
    milestones_raw = reader.mapping(data["milestones"], "milestones", set(MILESTONES), set())
    milestones = {
        int(day): reader.text(text, f"milestones {day}", DAILY_PLACEHOLDERS, 3500)
        for day, text in milestones_raw.items()
    }
    after_slip = _entries(reader, data["after_slip"], "after_slip", 3, set())
    ids = [e.id for e in grounding + after_slip] + [e.id for s in stages.values() for e in s]
    if len(ids) != len(set(ids)):
        raise reader.fail("ids", "every entry id must be unique")
    return Daily(grounding, stages, milestones, after_slip)


# --- checkins branch: messages/checkins.yaml -------------------------------------------------


def _load_checkins(reader: _Reader, ui: dict[str, str]) -> Checkins:
    """Check-in texts; its `ui` section joins ui.yaml's keys (a repeated key is a fault)."""
    from bot.domain import TriggerKind
    from bot.policy import MILESTONES

    fields = {"ui", "openers", "prompts", "kinds", "replies", "urge", "uncounted"}
    data = reader.mapping(reader.data, "top level", fields | {"total_milestones"}, set())
    for key, value in reader.mapping(data["ui"], "ui", set(), set(data["ui"] or {})).items():
        if key in ui:
            raise reader.fail(f"ui {key}", "the key is already in ui.yaml")
        if key.startswith("btn_"):
            if not isinstance(value, str) or not 0 < len(value) <= 40:
                raise reader.fail(key, "a button label must be 1-40 characters")
            ui[key] = value
        else:
            ui[key] = reader.text(value, f"ui {key}", CHECKIN_PLACEHOLDERS)
    openers = tuple(
        reader.text(t, "openers", set()) for t in reader.strings(data["openers"], "openers", 3)
    )
    for opener in openers:
        if len([line for line in opener.splitlines() if line.strip()]) != 3:
            raise reader.fail("openers", f"needs exactly three lines: {opener[:40]!r}")
    kinds_raw = reader.mapping(
        data["kinds"], "kinds", {k.value for k in TriggerKind} - {TriggerKind.CUSTOM}, set()
    )
    kinds = {}
    for kind in TriggerKind:
        if kind is TriggerKind.CUSTOM:
            continue
        where = f"kinds {kind.value}"
        item = reader.mapping(kinds_raw[kind.value], where, {"title", "prompts", "reply"}, set())
        title = item["title"]
        if not isinstance(title, str) or not 0 < len(title) <= 40:
            raise reader.fail(where, "title must be 1-40 characters (it is a button label)")
        prompts = reader.strings(item["prompts"], f"{where}: prompts", 2)
        kinds[kind.value] = TriggerText(
            title,
            tuple(reader.text(p, f"{where}: prompts", set()) for p in prompts),
            reader.text(item["reply"], f"{where}: reply", set(), SHORT_ANSWER_LIMIT),
        )
    replies_raw = reader.mapping(data["replies"], "replies", set(CHECKIN_REPLIES), set())
    replies = {
        name: tuple(
            reader.text(t, f"replies {name}", set(), SHORT_ANSWER_LIMIT)
            for t in reader.strings(replies_raw[name], f"replies {name}", 1)
        )
        for name in CHECKIN_REPLIES
    }
    milestones_raw = reader.mapping(
        data["total_milestones"], "total_milestones", set(), set(MILESTONES) - {1}
    )
    total_milestones = {
        int(day): Entry(
            f"tm{day}", reader.text(text, f"total_milestones {day}", DAILY_PLACEHOLDERS, 3500)
        )
        for day, text in milestones_raw.items()
    }
    return Checkins(
        kinds=kinds,
        openers=openers,
        prompts=tuple(
            reader.text(t, "prompts", set()) for t in reader.strings(data["prompts"], "prompts", 3)
        ),
        replies=replies,
        urge=tuple(
            reader.text(t, "urge", set(), SHORT_ANSWER_LIMIT)
            for t in reader.strings(data["urge"], "urge", 2)
        ),
        uncounted=_entries(reader, data["uncounted"], "uncounted", 3, set()),
        total_milestones=total_milestones,
    )
