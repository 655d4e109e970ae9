"""The check-in history in a few lines of text (the picture's twin in bot/checkins/chart.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta

from bot.checkins.words import kind_title
from bot.content import Content
from bot.domain import Answer, History, HistoryEntry

RECENT_DAYS = 30
RECENT_PULLS = 5
TOP_TRIGGERS = 3


def summary(content: Content, history: History, names: Mapping[int, str], today: date) -> str:
    """Check-ins answered, the pull lately, what came up most, contacts logged; '' if none."""
    lines = []
    answered = history.checkins
    if answered:
        since = today - timedelta(days=RECENT_DAYS)
        recent = sum(1 for e in answered if e.local_date > since)
        lines.append(content.text("ci_hist_answered", count=len(answered), recent=recent))
        pulls = [e.pull for e in reversed(answered) if e.pull is not None][:RECENT_PULLS]
        if pulls:
            average = f"{sum(pulls) / len(pulls):.1f}"
            listed = ", ".join(map(str, pulls))
            lines.append(content.text("ci_hist_pull", list=listed, average=average))
        top = Counter(
            _name(content, e, names) for e in answered if e.answer is Answer.TRIGGER
        ).most_common(TOP_TRIGGERS)
        if top:
            listed = ", ".join(f"{name} ({count})" for name, count in top)
            lines.append(content.text("ci_hist_top", list=listed))
    if history.contacts:
        latest = history.contacts[-1][0].strftime("%-d %B")
        lines.append(content.text("ci_hist_contacts", count=len(history.contacts), date=latest))
    if not lines:
        return ""
    return "\n".join([content.ui["ci_hist_title"], *lines])


def _name(content: Content, entry: HistoryEntry, names: Mapping[int, str]) -> str:
    if entry.trigger_id is not None and entry.trigger_id in names:
        return names[entry.trigger_id]
    if entry.trigger_kind is not None and entry.trigger_kind.value in content.checkins.kinds:
        return kind_title(content, entry.trigger_kind)
    return content.ui["ci_hist_removed"]
