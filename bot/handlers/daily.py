"""/daily: opt in to grounding and no-contact notes at a local time; change, pause, stop.

```mermaid
flowchart LR
  home[/daily/] --> kind{subscribe}
  kind --> time[time: buttons or typed]
  time --> zone[zone: buttons or typed]
  zone --> saved[saved]
  saved -->|encouragement, no counter yet| start[no-contact start date]
  home --> pause[pause: 1 day, 1 week, until a date, until resumed] & resume & stop
```
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import (
    KEEP_ZONE,
    CallbackData,
    DailyHome,
    DailyNew,
    DailyTime,
    DailyZone,
    PauseAskDate,
    PauseDays,
    PauseForever,
    PauseMenu,
    Resume,
    StopAsk,
    StopYes,
    ToggleDiscreet,
)
from bot.content import Content
from bot.context import BotContext
from bot.domain import Kind, SubscriptionView, UserView
from bot.handlers import notify
from bot.handlers.common import button, chat_id, keyboard, labelled, prompt, respond
from bot.policy import COMMON_ZONES, MAX_ANSWER_LENGTH, MONTH_FIRST_COUNTRIES, TIME_BUTTONS
from bot.scheduling.times import (
    first_due_after,
    format_time,
    get_zone,
    local_date,
    occurrence,
    parse_time,
    read_date,
)
from bot.scheduling.zones import resolve_zone
from bot.steps import Step, Waiting

Screen = tuple[str, InlineKeyboardMarkup]


def user_today(context: BotContext, user: UserView | None) -> date:
    zone = (user.timezone if user else None) or context.settings.default_timezone
    return local_date(context.clock.now(), zone)


def month_first(context: BotContext, user: UserView) -> bool:
    """Whether the user's country writes 11/01 for 1 November."""
    return context.country_of(user.chat_id) in MONTH_FIRST_COUNTRIES


def status_line(content: Content, sub: SubscriptionView | None, kind: Kind, today: date) -> str:
    name = content.ui[f"kind_{kind}"]
    if sub is None:
        return content.text("daily_status_off", kind=name)
    at, zone = sub.local_time, sub.timezone
    if sub.paused:
        return content.text("daily_status_paused", kind=name, time=at, zone=zone)
    if sub.resume_on and sub.resume_on > today:
        until = sub.resume_on.isoformat()
        return content.text("daily_status_paused_until", kind=name, time=at, zone=zone, date=until)
    return content.text("daily_status_active", kind=name, time=at, zone=zone)


def named(content: Content, key: str, kind: Kind, data: CallbackData) -> InlineKeyboardButton:
    """A button that names the subscription it acts on."""
    return labelled(content.text(key, kind=content.ui[f"kind_short_{kind}"]), data)


def home_screen(
    content: Content, user: UserView, subs: dict[Kind, SubscriptionView], today: date
) -> Screen:
    """Each subscription's state, with what can be done to it."""
    lines, rows = [], []
    for kind in Kind:
        sub = subs.get(kind)
        lines.append(status_line(content, sub, kind, today))
        if sub is None:
            rows.append([button(content, f"btn_subscribe_{kind}", DailyNew(kind))])
            continue
        # Each subscription gets its own two rows, every button naming it.
        paused = sub.paused or (sub.resume_on or today) > today
        toggle = (
            named(content, "btn_resume", kind, Resume(kind))
            if paused
            else named(content, "btn_pause", kind, PauseMenu(kind))
        )
        rows.append([named(content, "btn_change", kind, DailyNew(kind))])
        rows.append([toggle, named(content, "btn_stop", kind, StopAsk(kind))])
    discreet = "btn_discreet_off" if user.discreet else "btn_discreet_on"
    rows.append([button(content, discreet, ToggleDiscreet())])
    lines.append(content.ui["discreet_on_line" if user.discreet else "discreet_off_line"])
    text = content.text("daily_home", status="\n".join(lines))
    return text, keyboard(content, rows)


async def show_home(update: Update, context: BotContext) -> None:
    user = await context.user(chat_id(update))
    subs = await context.repo.subscriptions(user.chat_id)
    screen = home_screen(
        context.content, user, {s.kind: s for s in subs}, user_today(context, user)
    )
    await respond(update, context, *screen)


async def daily_home(update: Update, context: BotContext) -> None:
    """/daily and its button: each subscription's state, with what can be done to it."""
    await show_home(update, context)


def time_screen(content: Content, kind: Kind) -> Screen:
    times = [labelled(format_time(t), DailyTime(kind, t.strftime("%H%M"))) for t in TIME_BUTTONS]
    rows = [times[:3], times[3:], [button(content, "btn_cancel", DailyHome())]]
    return content.ui["daily_ask_time"], keyboard(content, rows)


async def ask_time(update: Update, context: BotContext) -> None:
    """Which time: common times as buttons, or type one."""
    kind = DailyNew.of(update).kind
    user = await context.user(chat_id(update))
    await context.repo.set_pending(
        user.chat_id, Step(Waiting.DAILY_TIME, kind).format(), context.clock.now()
    )
    await respond(update, context, *time_screen(context.content, kind))


def zone_screen(content: Content, user: UserView, kind: Kind, at: time) -> Screen:
    hhmm = at.strftime("%H%M")
    rows = [
        [
            labelled(z, DailyZone(kind, hhmm, i))
            for i, z in enumerate(COMMON_ZONES[j : j + 2], j + 1)
        ]
        for j in range(0, len(COMMON_ZONES), 2)
    ]
    if user.timezone:
        keep = content.text("btn_keep_zone", zone=user.timezone)
        rows.insert(0, [labelled(keep, DailyZone(kind, hhmm, KEEP_ZONE))])
    rows.append([button(content, "btn_cancel", DailyHome())])
    return content.text("daily_ask_zone", time=format_time(at)), keyboard(content, rows)


async def ask_zone(update: Update, context: BotContext, kind: Kind, at: time) -> None:
    """Which time zone: the user's current one first, common ones, or type a city."""
    user = await context.user(chat_id(update))
    step = Step(Waiting.DAILY_ZONE, kind, at)
    await context.repo.set_pending(user.chat_id, step.format(), context.clock.now())
    await respond(update, context, *zone_screen(context.content, user, kind, at))


async def time_button(update: Update, context: BotContext) -> None:
    """A time was pressed."""
    data = DailyTime.of(update)
    await ask_zone(update, context, data.kind, time(int(data.hhmm[:2]), int(data.hhmm[2:])))


async def typed_time(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """A time was typed: read it, or say how to write one. False: not an answer at all."""
    at = parse_time(text) if len(text) <= MAX_ANSWER_LENGTH else None
    if at is None:
        return False
    assert step.kind is not None
    await ask_zone(update, context, step.kind, at)
    return True


async def zone_button(update: Update, context: BotContext) -> None:
    """A zone was pressed (or 'keep my zone')."""
    data = DailyZone.of(update)
    user = await context.user(chat_id(update))
    if data.pick == KEEP_ZONE:
        zone = user.timezone
    else:
        zone = COMMON_ZONES[data.pick - 1] if data.pick <= len(COMMON_ZONES) else None
    if zone is None:
        await show_home(update, context)
        return
    await save(update, context, data.kind, time(int(data.hhmm[:2]), int(data.hhmm[2:])), zone)


async def typed_zone(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """A city, region or UTC offset was typed."""
    zone = resolve_zone(text) if len(text) <= MAX_ANSWER_LENGTH else None
    if zone is None:
        return False
    assert step.kind is not None
    assert step.at is not None
    await save(update, context, step.kind, step.at, zone)
    return True


async def save(update: Update, context: BotContext, kind: Kind, at: time, zone: str) -> None:
    """Store the subscription with its next due time; then ask whether others may see
    notifications (bot/handlers/notify.py), and encouragement asks for a start date."""
    content, repo, now = context.content, context.repo, context.clock.now()
    cid = chat_id(update)
    await repo.save_subscription(cid, kind, format_time(at), zone, first_due_after(now, at, zone))
    local_now = now.astimezone(get_zone(zone))
    text = content.text(
        "daily_saved",
        kind=content.ui[f"kind_{kind}"],
        time=format_time(at),
        zone=zone,
        now=local_now.strftime("%H:%M"),
    )
    await notify.ask(update, context, kind, text)  # privacy: lock-screen question first


async def pause_menu(update: Update, context: BotContext) -> None:
    """How long to pause."""
    content = context.content
    kind = PauseMenu.of(update).kind
    rows = [
        [
            button(content, "btn_pause_day", PauseDays(kind, 1)),
            button(content, "btn_pause_week", PauseDays(kind, 7)),
        ],
        [
            button(content, "btn_pause_date", PauseAskDate(kind)),
            button(content, "btn_pause_forever", PauseForever(kind)),
        ],
        [button(content, "btn_cancel", DailyHome())],
    ]
    await respond(update, context, content.ui["daily_pause"], keyboard(content, rows))


async def pause_until(update: Update, context: BotContext, kind: Kind, until: date) -> None:
    """Pause until a local date: the schedule's next due moves to that date."""
    user = await context.user(chat_id(update))
    subs = {s.kind: s for s in await context.repo.subscriptions(user.chat_id)}
    sub = subs.get(kind)
    if sub is not None:
        at = time.fromisoformat(sub.local_time)
        next_due = occurrence(until, at, sub.timezone)
        await context.repo.set_paused(user.chat_id, kind, False, until, next_due)
        subs[kind] = replace(sub, paused=False, resume_on=until, next_due_utc=next_due)
    screen = home_screen(context.content, user, subs, user_today(context, user))
    await respond(update, context, *screen)


async def pause_days(update: Update, context: BotContext) -> None:
    """Pause for a number of days: messages start again on today + days (local)."""
    data = PauseDays.of(update)
    user = await context.user(chat_id(update))
    today = user_today(context, user)
    await pause_until(update, context, data.kind, date.fromordinal(today.toordinal() + data.days))


async def ask_pause_date(update: Update, context: BotContext) -> None:
    """Ask for the date messages should start again."""
    kind = PauseAskDate.of(update).kind
    step = Step(Waiting.PAUSE_UNTIL, kind)
    await context.repo.set_pending(chat_id(update), step.format(), context.clock.now())
    await prompt(update, context, "daily_ask_pause_date", DailyHome())


async def typed_pause_date(update: Update, context: BotContext, step: Step, text: str) -> bool:
    user = await context.user(chat_id(update))
    today = user_today(context, user)
    answer = (
        read_date(text, today, future=True, month_first=month_first(context, user))
        if len(text) <= MAX_ANSWER_LENGTH
        else None
    )
    if answer is None:
        return False
    if answer.day <= today:
        await prompt(update, context, "daily_bad_date", DailyHome())
        return True
    assert step.kind is not None
    await pause_until(update, context, step.kind, answer.day)
    return True


async def pause_indefinitely(update: Update, context: BotContext) -> None:
    kind = PauseForever.of(update).kind
    await context.repo.set_paused(chat_id(update), kind, True, None, None)
    await show_home(update, context)


async def resume(update: Update, context: BotContext) -> None:
    """Resume from the next occurrence (never a backlog of missed days)."""
    kind = Resume.of(update).kind
    cid = chat_id(update)
    subs = {s.kind: s for s in await context.repo.subscriptions(cid)}
    sub = subs.get(kind)
    if sub is not None:
        due = first_due_after(context.clock.now(), time.fromisoformat(sub.local_time), sub.timezone)
        await context.repo.set_paused(cid, kind, False, None, due)
    await show_home(update, context)


async def confirm_stop(update: Update, context: BotContext) -> None:
    """Ask before stopping: one stray tap should not end someone's daily note."""
    content = context.content
    kind = StopAsk.of(update).kind
    rows = [
        [
            named(content, "btn_stop_yes", kind, StopYes(kind)),
            button(content, "btn_keep", DailyHome()),
        ]
    ]
    text = content.text("daily_stop_confirm", kind=content.ui[f"kind_short_{kind}"])
    await respond(update, context, text, keyboard(content, rows))


async def stop(update: Update, context: BotContext) -> None:
    await context.repo.stop_subscription(chat_id(update), StopYes.of(update).kind)
    await show_home(update, context)


async def toggle_discreet(update: Update, context: BotContext) -> None:
    """Discreet: daily messages arrive silent and fully neutral; the note opens on a tap."""
    user = await context.user(chat_id(update))
    await context.repo.set_discreet(user.chat_id, not user.discreet)
    context.remember(replace(user, discreet=not user.discreet))
    await show_home(update, context)


HANDLERS = [
    CommandHandler("daily", daily_home),
    CallbackQueryHandler(daily_home, pattern=DailyHome.pattern()),
    CallbackQueryHandler(ask_time, pattern=DailyNew.pattern()),
    CallbackQueryHandler(time_button, pattern=DailyTime.pattern()),
    CallbackQueryHandler(zone_button, pattern=DailyZone.pattern()),
    CallbackQueryHandler(pause_menu, pattern=PauseMenu.pattern()),
    CallbackQueryHandler(pause_days, pattern=PauseDays.pattern()),
    CallbackQueryHandler(ask_pause_date, pattern=PauseAskDate.pattern()),
    CallbackQueryHandler(pause_indefinitely, pattern=PauseForever.pattern()),
    CallbackQueryHandler(resume, pattern=Resume.pattern()),
    CallbackQueryHandler(confirm_stop, pattern=StopAsk.pattern()),
    CallbackQueryHandler(stop, pattern=StopYes.pattern()),
    CallbackQueryHandler(toggle_discreet, pattern=ToggleDiscreet.pattern()),
]
