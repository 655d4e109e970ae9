"""Small wording helpers: '1 day' not '1 days', schedules described in words, trigger titles."""

from __future__ import annotations

import html
from datetime import date

from bot.checkins.spec import EVERY_DAY, Spec
from bot.content import Content
from bot.domain import Repeat, ScheduleView, TriggerKind, TriggerView

WEEKDAYS = range(7)  # Monday first, as date.weekday()


def days(content: Content, count: int) -> str:
    return content.text("days_one" if count == 1 else "days_other", count=count)


def weekday_mask(days_: list[int]) -> int:
    return sum(1 << d for d in days_)


def describe_days(content: Content, mask: int) -> str:
    """'every day', 'on weekdays', 'on Sundays', 'on Mondays, Thursdays'. Plain text: it is
    escaped where it meets HTML."""
    if mask == EVERY_DAY:
        return content.ui["ci_every_day"]
    if mask == 0b0011111:
        return content.ui["ci_weekdays"]
    if mask == 0b1100000:
        return content.ui["ci_weekends"]
    names = [content.ui[f"ci_plural_{d}"] for d in WEEKDAYS if mask & (1 << d)]
    return content.text("ci_on_days", list=", ".join(names))


def describe_date(content: Content, month: int, day: int) -> str:
    return content.text("ci_every_year", date=date(2024, month, day).strftime("%-d %B"))


def describe_spec(content: Content, spec: Spec) -> str:
    if spec.repeat is Repeat.WEEKLY:
        return describe_days(content, spec.weekdays)
    if spec.repeat is Repeat.YEARLY:
        return describe_date(content, spec.month, spec.day)
    return content.ui["ci_once_word"]


def describe_schedule(content: Content, schedule: ScheduleView) -> str:
    """The schedule in words, with its time and zone."""
    if schedule.repeat is Repeat.WEEKLY:
        when = describe_days(content, schedule.weekdays)
    elif schedule.repeat is Repeat.YEARLY:
        when = describe_date(content, schedule.month, schedule.day)
    else:
        on = schedule.on_date.strftime("%-d %B") if schedule.on_date else ""
        when = content.text("ci_once_on", date=on)
    return content.text(
        "ci_schedule_line", when=when, time=schedule.local_time, zone=schedule.timezone
    )


def kind_title(content: Content, kind: TriggerKind) -> str:
    texts = content.checkins.kinds.get(kind.value)
    return texts.title if texts else content.ui["tr_own_untitled"]


def title(content: Content, trigger: TriggerView, name: str | None) -> str:
    """A trigger's name as plain text: the guide's title, or the user's own words."""
    if trigger.kind is TriggerKind.CUSTOM:
        return name or content.ui["tr_own_untitled"]
    return kind_title(content, trigger.kind)


def label(text: str, limit: int = 40) -> str:
    """A button label from any text (buttons are plain text: no escaping)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str) -> str:
    """The user's own words inside Telegram HTML."""
    return f"<i>{html.escape(text, quote=False)}</i>"
