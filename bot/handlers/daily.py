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

from datetime import date, time

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.content import Content
from bot.context import BotContext
from bot.domain import Kind, SubscriptionView, UserView
from bot.handlers.common import button, callback_parts, chat_id, keyboard, prompt, respond
from bot.scheduling.times import (
    first_due_after,
    format_time,
    get_zone,
    local_date,
    occurrence,
    parse_date,
    parse_time,
)
from bot.scheduling.zones import COMMON_ZONES, resolve_zone

KINDS = {"g": Kind.GROUNDING, "e": Kind.ENCOURAGEMENT}
CODES = {v: k for k, v in KINDS.items()}
TIME_BUTTONS = ("07:00", "08:00", "09:00", "12:00", "18:00", "21:00")


def user_today(context: BotContext, user: UserView | None) -> date:
    zone = (user.timezone if user else None) or context.settings.default_timezone
    return local_date(context.clock.now(), zone)


def status_line(context: BotContext, sub: SubscriptionView | None, kind: str, today: date) -> str:
    ui = context.content
    name = ui.ui[f"kind_{kind}"]
    if sub is None:
        return ui.text("daily_status_off", kind=name)
    at, zone = sub.local_time, sub.timezone
    if sub.paused:
        return ui.text("daily_status_paused", kind=name, time=at, zone=zone)
    if sub.resume_on and sub.resume_on > today:
        until = sub.resume_on.isoformat()
        return ui.text("daily_status_paused_until", kind=name, time=at, zone=zone, date=until)
    return ui.text("daily_status_active", kind=name, time=at, zone=zone)


def labelled(content: Content, key: str, kind: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(content.text(key, kind=kind), callback_data=data)


async def daily_home(update: Update, context: BotContext) -> None:
    """Each subscription's state, with what can be done to it."""
    content, repo = context.content, context.repo
    user = await repo.ensure_user(chat_id(update), context.clock.now())
    if user.pending:
        await repo.set_pending(user.chat_id, None, context.clock.now())
    subs = {s.kind: s for s in await repo.subscriptions(user.chat_id)}
    today = user_today(context, user)
    lines, rows = [], []
    for code, kind in KINDS.items():
        sub = subs.get(kind)
        lines.append(status_line(context, sub, kind, today))
        if sub is None:
            rows.append([button(content, f"btn_subscribe_{kind}", f"d:new:{code}")])
            continue
        # Each subscription gets its own two rows, every button naming it.
        named = content.ui[f"kind_short_{kind}"]
        paused = sub.paused or (sub.resume_on or today) > today
        toggle = ("btn_resume", f"d:r:{code}") if paused else ("btn_pause", f"d:p:{code}")
        rows.append([labelled(content, "btn_change", named, f"d:new:{code}")])
        rows.append(
            [
                labelled(content, toggle[0], named, toggle[1]),
                labelled(content, "btn_stop", named, f"d:s:{code}"),
            ]
        )
    rows.append(
        [button(content, "btn_discreet_off" if user.discreet else "btn_discreet_on", "d:disc")]
    )
    text = content.text("daily_home", status="\n".join(lines))
    await respond(update, context, text, keyboard(content, rows))


async def ask_time(update: Update, context: BotContext) -> None:
    """Which time: common times as buttons, or type one."""
    content = context.content
    code = callback_parts(update)[2]
    await context.repo.ensure_user(chat_id(update), context.clock.now())
    await context.repo.set_pending(chat_id(update), f"dt:{code}", context.clock.now())
    times = [
        InlineKeyboardButton(t, callback_data=f"d:t:{code}:{t.replace(':', '')}")
        for t in TIME_BUTTONS
    ]
    rows = [times[:3], times[3:], [button(content, "btn_cancel", "d")]]
    await respond(update, context, content.ui["daily_ask_time"], keyboard(content, rows))


async def ask_zone(update: Update, context: BotContext, code: str, at: time) -> None:
    """Which time zone: the user's current one first, common ones, or type a city."""
    content = context.content
    hhmm = format_time(at).replace(":", "")
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    await context.repo.set_pending(user.chat_id, f"dz:{code}:{hhmm}", context.clock.now())
    zones = [
        InlineKeyboardButton(z, callback_data=f"d:z:{code}:{hhmm}:{i}")
        for i, z in enumerate(COMMON_ZONES)
    ]
    rows = [zones[i : i + 2] for i in range(0, len(zones), 2)]
    if user.timezone:
        rows.insert(
            0,
            [
                InlineKeyboardButton(
                    content.text("btn_keep_zone", zone=user.timezone),
                    callback_data=f"d:z:{code}:{hhmm}:k",
                )
            ],
        )
    rows.append([button(content, "btn_cancel", "d")])
    text = content.text("daily_ask_zone", time=format_time(at))
    await respond(update, context, text, keyboard(content, rows))


async def time_button(update: Update, context: BotContext) -> None:
    """A time was pressed."""
    _, _, code, hhmm = callback_parts(update)
    await ask_zone(update, context, code, time(int(hhmm[:2]), int(hhmm[2:])))


async def typed_time(update: Update, context: BotContext, code: str, text: str) -> None:
    """A time was typed: read it, or explain with an example."""
    at = parse_time(text) if len(text) <= 20 else None
    if at is None:
        await prompt(update, context, "daily_bad_time", "d")
        return
    await ask_zone(update, context, code, at)


async def zone_button(update: Update, context: BotContext) -> None:
    """A zone was pressed (or 'keep my zone')."""
    _, _, code, hhmm, pick = callback_parts(update)
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    zone = (
        user.timezone
        if pick == "k"
        else COMMON_ZONES[int(pick)]
        if int(pick) < len(COMMON_ZONES)
        else None
    )
    if zone is None:
        await daily_home(update, context)
        return
    await save(update, context, code, time(int(hhmm[:2]), int(hhmm[2:])), zone)


async def typed_zone(update: Update, context: BotContext, code: str, hhmm: str, text: str) -> None:
    """A city, region or UTC offset was typed."""
    zone = resolve_zone(text)
    if zone is None:
        await prompt(update, context, "daily_bad_zone", "d")
        return
    await save(update, context, code, time(int(hhmm[:2]), int(hhmm[2:])), zone)


async def save(update: Update, context: BotContext, code: str, at: time, zone: str) -> None:
    """Store the subscription with its next due time; encouragement then asks for a start date."""
    content, repo, now = context.content, context.repo, context.clock.now()
    kind = KINDS[code]
    cid = chat_id(update)
    await repo.save_subscription(cid, kind, format_time(at), zone, first_due_after(now, at, zone))
    await repo.set_pending(cid, None, context.clock.now())
    local_now = now.astimezone(get_zone(zone))
    text = content.text(
        "daily_saved",
        kind=content.ui[f"kind_{kind}"],
        time=format_time(at),
        zone=zone,
        now=local_now.strftime("%H:%M"),
    )
    rows: list[list[InlineKeyboardButton]] = [[button(content, "btn_daily", "d")]]
    if kind == "encouragement" and await repo.no_contact(cid) is None:
        text += "\n\n" + content.ui["daily_ask_start"]
        rows = [
            [
                button(content, "btn_start_today", "ns:today"),
                button(content, "btn_start_date", "ns:ask"),
            ]
        ]
    await respond(update, context, text, keyboard(content, rows))


async def pause_menu(update: Update, context: BotContext) -> None:
    """How long to pause."""
    content = context.content
    code = callback_parts(update)[2]
    rows = [
        [
            button(content, "btn_pause_day", f"d:pd:{code}:1"),
            button(content, "btn_pause_week", f"d:pd:{code}:7"),
        ],
        [
            button(content, "btn_pause_date", f"d:pt:{code}"),
            button(content, "btn_pause_forever", f"d:pi:{code}"),
        ],
        [button(content, "btn_cancel", "d")],
    ]
    await respond(update, context, content.ui["daily_pause"], keyboard(content, rows))


async def pause_until(update: Update, context: BotContext, code: str, until: date) -> None:
    """Pause until a local date: the schedule's next due moves to that date."""
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    subs = {s.kind: s for s in await context.repo.subscriptions(user.chat_id)}
    sub = subs.get(KINDS[code])
    if sub is None:
        await daily_home(update, context)
        return
    at = time.fromisoformat(sub.local_time)
    await context.repo.set_paused(
        user.chat_id, sub.kind, False, until, occurrence(until, at, sub.timezone)
    )
    await context.repo.set_pending(user.chat_id, None, context.clock.now())
    await daily_home(update, context)


async def pause_days(update: Update, context: BotContext) -> None:
    """Pause for a number of days: messages start again on today + days (local)."""
    _, _, code, days = callback_parts(update)
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    today = user_today(context, user)
    await pause_until(update, context, code, date.fromordinal(today.toordinal() + int(days)))


async def ask_pause_date(update: Update, context: BotContext) -> None:
    """Ask for the date messages should start again."""
    code = callback_parts(update)[2]
    await context.repo.set_pending(chat_id(update), f"pu:{code}", context.clock.now())
    await prompt(update, context, "daily_ask_pause_date", "d")


async def typed_pause_date(update: Update, context: BotContext, code: str, text: str) -> None:
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    today = user_today(context, user)
    until = parse_date(text, today, future=True) if len(text) <= 40 else None
    if until is None or until <= today:
        await prompt(update, context, "daily_bad_date", "d")
        return
    await pause_until(update, context, code, until)


async def pause_indefinitely(update: Update, context: BotContext) -> None:
    code = callback_parts(update)[2]
    await context.repo.set_paused(chat_id(update), KINDS[code], True, None, None)
    await daily_home(update, context)


async def resume(update: Update, context: BotContext) -> None:
    """Resume from the next occurrence (never a backlog of missed days)."""
    code = callback_parts(update)[2]
    cid = chat_id(update)
    subs = {s.kind: s for s in await context.repo.subscriptions(cid)}
    sub = subs.get(KINDS[code])
    if sub is not None:
        due = first_due_after(context.clock.now(), time.fromisoformat(sub.local_time), sub.timezone)
        await context.repo.set_paused(cid, sub.kind, False, None, due)
    await daily_home(update, context)


async def confirm_stop(update: Update, context: BotContext) -> None:
    """Ask before stopping: one stray tap should not end someone's daily note."""
    content = context.content
    code = callback_parts(update)[2]
    named = content.ui[f"kind_short_{KINDS[code]}"]
    rows = [
        [labelled(content, "btn_stop_yes", named, f"d:sy:{code}"), button(content, "btn_keep", "d")]
    ]
    await respond(
        update, context, content.text("daily_stop_confirm", kind=named), keyboard(content, rows)
    )


async def stop(update: Update, context: BotContext) -> None:
    code = callback_parts(update)[2]
    await context.repo.stop_subscription(chat_id(update), KINDS[code])
    await daily_home(update, context)


async def toggle_discreet(update: Update, context: BotContext) -> None:
    """Discreet: daily messages arrive silent and fully neutral; the note opens on a tap."""
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    await context.repo.set_discreet(user.chat_id, not user.discreet)
    await daily_home(update, context)


HANDLERS = [
    CommandHandler("daily", daily_home),
    CallbackQueryHandler(daily_home, pattern=r"^d$"),
    CallbackQueryHandler(ask_time, pattern=r"^d:new:[ge]$"),
    CallbackQueryHandler(time_button, pattern=r"^d:t:[ge]:([01]\d|2[0-3])[0-5]\d$"),
    CallbackQueryHandler(zone_button, pattern=r"^d:z:[ge]:([01]\d|2[0-3])[0-5]\d:(k|\d{1,2})$"),
    CallbackQueryHandler(pause_menu, pattern=r"^d:p:[ge]$"),
    CallbackQueryHandler(pause_days, pattern=r"^d:pd:[ge]:(1|7)$"),
    CallbackQueryHandler(ask_pause_date, pattern=r"^d:pt:[ge]$"),
    CallbackQueryHandler(pause_indefinitely, pattern=r"^d:pi:[ge]$"),
    CallbackQueryHandler(resume, pattern=r"^d:r:[ge]$"),
    CallbackQueryHandler(confirm_stop, pattern=r"^d:s:[ge]$"),
    CallbackQueryHandler(stop, pattern=r"^d:sy:[ge]$"),
    CallbackQueryHandler(toggle_discreet, pattern=r"^d:disc$"),
]
