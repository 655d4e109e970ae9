"""/checkins: when the bot checks in. Chosen weekdays at a time ('Sunday evenings'), a date
every year (an anniversary, a holiday), or once ('in 2 hours', 'tonight at 22:00'); any of
them may belong to a trigger. The half-made schedule travels in the buttons (a spec, see
bot/checkins/spec.py), so nothing is stored until it is complete.

```mermaid
flowchart LR
  home[/checkins/] --> regular[weekday toggles] --> time
  home --> yearly[type a date] --> time
  home --> once[in 1, 2, 4 hours / tonight / a time] --> time
  time[time: buttons or typed] -->|zone known| saved
  time -->|no zone yet| zone[zone: buttons or typed] --> saved
  home --> remove[remove one] & now[check in now]
```
"""

from __future__ import annotations

from datetime import date, datetime, time

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import (
    CheckinAdd,
    CheckinDate,
    CheckinDays,
    CheckinDelete,
    CheckinIn,
    CheckinNow,
    CheckinOnce,
    CheckinsHome,
    CheckinsResume,
    CheckinTime,
    CheckinTimeAsk,
    CheckinZone,
    TriggerOpen,
    TriggersHome,
)
from bot.checkins import words
from bot.checkins.spec import EVERY_DAY, Spec, first_due, in_hours
from bot.context import BotContext
from bot.domain import Repeat, ScheduleView
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.handlers.daily import month_first, user_today
from bot.policy import (
    CHECKIN_TIMES,
    COMMON_ZONES,
    FOLLOW_UP_HOURS,
    MAX_ANSWER_LENGTH,
    MAX_SCHEDULES,
)
from bot.scheduling.times import format_time, get_zone, local_date, parse_time, read_date
from bot.scheduling.zones import resolve_zone
from bot.steps import Step, Waiting

LEAP_YEAR_DAY = date(2028, 1, 1)  # reads '29 February' in a year without one


async def show_home(update: Update, context: BotContext) -> None:
    """/checkins and its button: what is planned, and how to add or remove one."""
    content = context.content
    schedules = await context.repo.checkin_schedules(chat_id(update))
    lines = [words.describe_schedule(content, s) for s in schedules]
    text = content.ui["ci_home"] if lines else content.ui["ci_home_empty"]
    if lines:
        text += "\n\n" + "\n".join(f"• {line}" for line in lines)
    paused = bool(lines) and await context.repo.checkins_paused(chat_id(update))
    if paused:
        text += "\n\n" + content.ui["ci_paused"]
    rows = [
        [labelled(words.label("✖ " + line), CheckinDelete(s.id))]
        for s, line in zip(schedules, lines, strict=True)
    ]
    if paused:
        rows.insert(0, [button(content, "btn_ci_resume", CheckinsResume())])
    rows += add_rows(context, 0)
    rows.append([button(content, "btn_ci_now", CheckinNow())])
    rows.append([button(content, "btn_tr_home", TriggersHome())])
    await respond(update, context, text, keyboard(content, rows))


async def resume(update: Update, context: BotContext) -> None:
    """Check-ins paused by /stop start again."""
    await context.repo.resume_checkins(chat_id(update))
    await show_home(update, context)


def add_rows(context: BotContext, trigger: int) -> list[list[InlineKeyboardButton]]:
    content = context.content
    return [
        [
            button(content, "btn_ci_regular", CheckinDays(0, trigger)),
            button(content, "btn_ci_date", CheckinDate(trigger)),
        ],
        [button(content, "btn_ci_once", CheckinOnce(trigger))],
    ]


async def add_for_trigger(update: Update, context: BotContext) -> None:
    """A check-in for one situation: regular, on a date, or once."""
    content = context.content
    trigger = CheckinAdd.of(update).trigger
    if trigger and await context.repo.trigger(chat_id(update), trigger) is None:
        await show_home(update, context)
        return
    rows = add_rows(context, trigger)
    back = TriggerOpen(trigger) if trigger else CheckinsHome()
    rows.append([button(content, "btn_cancel", back)])
    await respond(update, context, content.ui["ci_add"], keyboard(content, rows))


async def pick_days(update: Update, context: BotContext) -> None:
    """Weekday toggles; Next once at least one is on."""
    content = context.content
    pressed = CheckinDays.of(update)
    mask, trigger = pressed.mask, pressed.trigger
    toggles = [
        labelled(
            ("✓ " if mask & (1 << d) else "") + content.ui[f"ci_short_{d}"],
            CheckinDays(mask ^ (1 << d), trigger),
        )
        for d in words.WEEKDAYS
    ]
    rows = [
        toggles[:4],
        toggles[4:],
        [button(content, "btn_ci_every_day", CheckinDays(EVERY_DAY, trigger))],
    ]
    if mask:
        spec = Spec(Repeat.WEEKLY, weekdays=mask, trigger=trigger)
        rows.append([button(content, "btn_ci_next", CheckinTimeAsk(spec.format()))])
    rows.append([button(content, "btn_cancel", CheckinsHome())])
    chosen = words.describe_days(content, mask) if mask else content.ui["ci_no_days"]
    text = content.text("ci_days", when=chosen)
    await respond(update, context, text, keyboard(content, rows))


async def ask_date(update: Update, context: BotContext) -> None:
    """A date every year: typed, like '14 February'."""
    content = context.content
    trigger = CheckinDate.of(update).trigger
    step = Step(Waiting.CHECKIN_DATE, arg=f"t{trigger}" if trigger else "")
    await context.repo.set_pending(chat_id(update), step.format(), context.clock.now())
    rows = [[button(content, "btn_cancel", CheckinsHome())]]
    await respond(update, context, content.ui["ci_ask_date"], keyboard(content, rows))


async def typed_date(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """'14 February', '29 feb', '2026-12-25': the month and day, every year."""
    if len(text) > MAX_ANSWER_LENGTH:
        return False
    user = await context.user(chat_id(update))
    first = month_first(context, user)
    answer = read_date(text, user_today(context, user), future=True, month_first=first)
    answer = answer or read_date(text, LEAP_YEAR_DAY, future=True, month_first=first)
    if answer is None:
        return False
    trigger = int(step.data[1:]) if step.data.startswith("t") else 0
    spec = Spec(Repeat.YEARLY, month=answer.day.month, day=answer.day.day, trigger=trigger)
    await ask_time(update, context, spec)
    return True


async def once_menu(update: Update, context: BotContext) -> None:
    """Once: in a few hours, tonight at a time still ahead, or another time."""
    content = context.content
    trigger = CheckinOnce.of(update).trigger
    user = await context.user(chat_id(update))
    zone = user.timezone or context.settings.default_timezone
    now = context.clock.now()
    local_now = now.astimezone(get_zone(zone))
    spec = Spec(Repeat.ONCE, trigger=trigger).format()
    rows = [
        [
            labelled(content.text("btn_ci_in_hours", hours=h), CheckinIn(h, trigger))
            for h in FOLLOW_UP_HOURS
        ]
    ]
    tonight = [
        labelled(
            content.text("btn_ci_tonight", time=format_time(t)),
            CheckinTime(spec, t.strftime("%H%M")),
        )
        for t in (time(21), time(22), time(23))
        if t > local_now.time()
    ]
    if tonight:
        rows.append(tonight)
    rows.append([button(content, "btn_ci_other_time", CheckinTimeAsk(spec))])
    rows.append([button(content, "btn_cancel", CheckinsHome())])
    await respond(update, context, content.ui["ci_once"], keyboard(content, rows))


async def time_asked(update: Update, context: BotContext) -> None:
    spec = Spec.parse(CheckinTimeAsk.of(update).spec)
    if spec is None:
        await show_home(update, context)
        return
    await ask_time(update, context, spec)


async def ask_time(update: Update, context: BotContext, spec: Spec) -> None:
    """Which time: buttons, or type one."""
    content = context.content
    step = Step(Waiting.CHECKIN_TIME, arg=spec.format())
    await context.repo.set_pending(chat_id(update), step.format(), context.clock.now())
    packed = spec.format()
    times = [
        labelled(format_time(t), CheckinTime(packed, t.strftime("%H%M"))) for t in CHECKIN_TIMES
    ]
    rows = [times[:3], times[3:], [button(content, "btn_cancel", CheckinsHome())]]
    text = content.text("ci_ask_time", when=words.describe_spec(content, spec))
    await respond(update, context, text, keyboard(content, rows))


async def time_pressed(update: Update, context: BotContext) -> None:
    data = CheckinTime.of(update)
    spec = Spec.parse(data.spec)
    if spec is None:
        await show_home(update, context)
        return
    await with_zone(update, context, spec, time(int(data.hhmm[:2]), int(data.hhmm[2:])))


async def typed_time(update: Update, context: BotContext, step: Step, text: str) -> bool:
    at = parse_time(text) if len(text) <= MAX_ANSWER_LENGTH else None
    spec = Spec.parse(step.data)
    if at is None or spec is None:
        return False
    await with_zone(update, context, spec, at)
    return True


async def with_zone(update: Update, context: BotContext, spec: Spec, at: time) -> None:
    """Save in the user's zone; a user without one is asked first (as /daily asks)."""
    user = await context.user(chat_id(update))
    if user.timezone:
        await save(update, context, spec, at, user.timezone)
        return
    content = context.content
    step = Step(Waiting.CHECKIN_ZONE, at=at, arg=spec.format())
    await context.repo.set_pending(user.chat_id, step.format(), context.clock.now())
    hhmm, packed = at.strftime("%H%M"), spec.format()
    buttons = [labelled(z, CheckinZone(packed, hhmm, i)) for i, z in enumerate(COMMON_ZONES, 1)]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([button(content, "btn_cancel", CheckinsHome())])
    text = content.text("daily_ask_zone", time=format_time(at))
    await respond(update, context, text, keyboard(content, rows))


async def zone_pressed(update: Update, context: BotContext) -> None:
    data = CheckinZone.of(update)
    spec = Spec.parse(data.spec)
    if spec is None or not 1 <= data.pick <= len(COMMON_ZONES):
        await show_home(update, context)
        return
    at = time(int(data.hhmm[:2]), int(data.hhmm[2:]))
    await save(update, context, spec, at, COMMON_ZONES[data.pick - 1], set_zone=True)


async def typed_zone(update: Update, context: BotContext, step: Step, text: str) -> bool:
    zone = resolve_zone(text) if len(text) <= MAX_ANSWER_LENGTH else None
    spec = Spec.parse(step.data)
    if zone is None or spec is None or step.at is None:
        return False
    await save(update, context, spec, step.at, zone, set_zone=True)
    return True


async def save(
    update: Update, context: BotContext, spec: Spec, at: time, zone: str, *, set_zone: bool = False
) -> None:
    """Store the schedule with its first occurrence, and say when that is."""
    chat, now = chat_id(update), context.clock.now()
    if not await _room_for_one_more(update, context, spec.trigger):
        return
    due = first_due(spec, at, zone, now)
    schedule = ScheduleView(
        0,
        chat,
        spec.trigger or None,
        spec.repeat,
        spec.weekdays,
        spec.month,
        spec.day,
        local_date(due, zone) if spec.repeat is Repeat.ONCE else None,
        format_time(at),
        zone,
        due,
        None,
    )
    await context.repo.add_checkin_schedule(schedule, now, set_zone=set_zone)
    await saved(update, context, schedule)


async def _room_for_one_more(update: Update, context: BotContext, trigger: int) -> bool:
    """Schedules are capped, and a trigger must still be this chat's."""
    chat = chat_id(update)
    if trigger and await context.repo.trigger(chat, trigger) is None:
        await show_home(update, context)
        return False
    if len(await context.repo.checkin_schedules(chat)) < MAX_SCHEDULES:
        return True
    content = context.content
    await context.repo.set_pending(chat, None, context.clock.now())
    rows = [[button(content, "btn_checkins", CheckinsHome())]]
    text = content.text("ci_full", count=MAX_SCHEDULES)
    await respond(update, context, text, keyboard(content, rows))
    return False


async def saved(update: Update, context: BotContext, schedule: ScheduleView) -> None:
    content = context.content
    assert schedule.next_due_utc is not None
    first = schedule.next_due_utc.astimezone(get_zone(schedule.timezone))
    text = content.text(
        "ci_saved" if schedule.repeat in (Repeat.WEEKLY, Repeat.YEARLY) else "ci_once_saved",
        when=words.describe_schedule(content, schedule),
        date=first.strftime("%A %-d %B"),
        time=first.strftime("%H:%M"),
    )
    rows = [[button(content, "btn_checkins", CheckinsHome())]]
    if schedule.trigger_id:
        rows.append([button(content, "btn_tr_back", TriggerOpen(schedule.trigger_id))])
    await respond(update, context, text, keyboard(content, rows))


async def in_a_while(update: Update, context: BotContext) -> None:
    """'In 2 hours': two hours of real time from now, whatever the clocks do."""
    data = CheckinIn.of(update)
    await schedule_once(update, context, in_hours(context.clock.now(), data.hours), data.trigger)


async def schedule_once(
    update: Update,
    context: BotContext,
    due_at: datetime,
    trigger: int,
    repeat: Repeat = Repeat.ONCE,
) -> None:
    """A one-off (or follow-up) check-in at an exact instant."""
    user = await context.user(chat_id(update))
    if not await _room_for_one_more(update, context, trigger):
        return
    zone = user.timezone or context.settings.default_timezone
    local = due_at.astimezone(get_zone(zone))
    schedule = ScheduleView(
        0,
        user.chat_id,
        trigger or None,
        repeat,
        0,
        0,
        0,
        local.date(),
        local.strftime("%H:%M"),
        zone,
        due_at,
        None,
    )
    await context.repo.add_checkin_schedule(schedule, context.clock.now())
    await saved(update, context, schedule)


async def delete(update: Update, context: BotContext) -> None:
    await context.repo.delete_checkin_schedule(chat_id(update), CheckinDelete.of(update).schedule)
    await show_home(update, context)


HANDLERS = [
    CommandHandler("checkins", show_home),
    CallbackQueryHandler(show_home, pattern=CheckinsHome.pattern()),
    CallbackQueryHandler(resume, pattern=CheckinsResume.pattern()),
    CallbackQueryHandler(add_for_trigger, pattern=CheckinAdd.pattern()),
    CallbackQueryHandler(pick_days, pattern=CheckinDays.pattern()),
    CallbackQueryHandler(ask_date, pattern=CheckinDate.pattern()),
    CallbackQueryHandler(once_menu, pattern=CheckinOnce.pattern()),
    CallbackQueryHandler(in_a_while, pattern=CheckinIn.pattern()),
    CallbackQueryHandler(time_asked, pattern=CheckinTimeAsk.pattern()),
    CallbackQueryHandler(time_pressed, pattern=CheckinTime.pattern()),
    CallbackQueryHandler(zone_pressed, pattern=CheckinZone.pattern()),
    CallbackQueryHandler(delete, pattern=CheckinDelete.pattern()),
]
