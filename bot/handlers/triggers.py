"""/triggers: the situations that pull the user back, a plan in their own words for each, and
their reasons. Everything typed here is stored only as ciphertext (bot/checkins/secret.py).

```mermaid
flowchart LR
  home[/triggers/] --> add[pick a situation] --> kind{guide's or own}
  kind -->|own| name[type its name] --> do
  kind -->|guide's| do[what will you do instead?]
  do --> reach[whom can you reach? or skip] --> open[the situation and its plan]
  home --> open --> rewrite[rewrite plan] --> do
  open --> checkin[a check-in for it: /checkins] & remove[remove, after asking]
  home --> reasons[type your reasons]
```
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import (
    CheckinAdd,
    CheckinsHome,
    ReasonsEdit,
    TriggerAdd,
    TriggerDelete,
    TriggerDeleteYes,
    TriggerOpen,
    TriggerPick,
    TriggerPlan,
    TriggersHome,
    TriggerSkip,
)
from bot.checkins import secret, words
from bot.content import Content
from bot.context import BotContext
from bot.domain import TriggerKind, TriggerView
from bot.handlers.common import button, chat_id, keyboard, labelled, respond
from bot.policy import MAX_TRIGGERS, PLAN_LIMIT, REASONS_LIMIT, TRIGGER_NAME_LIMIT
from bot.steps import Step, Waiting


def name_of(context: BotContext, trigger: TriggerView) -> str:
    """The trigger's title in plain text (an own trigger's name is opened here)."""
    binding = secret.trigger_binding(trigger.chat_id, trigger.id, "name")
    name = secret.unseal(context, trigger.name_enc, binding)
    return words.title(context.content, trigger, name)


def plan_of(context: BotContext, trigger: TriggerView) -> tuple[str | None, str | None]:
    """What the user will do instead, and whom they can reach, in their own words."""
    chat, tid = trigger.chat_id, trigger.id
    return (
        secret.unseal(context, trigger.plan_do_enc, secret.trigger_binding(chat, tid, "do")),
        secret.unseal(context, trigger.plan_reach_enc, secret.trigger_binding(chat, tid, "reach")),
    )


def plan_block(context: BotContext, trigger: TriggerView) -> str | None:
    """The plan as HTML with the user's words quoted, or None when there is none yet."""
    do, reach = plan_of(context, trigger)
    if not do and not reach:
        return None
    content = context.content
    lines = [content.text("tr_plan_title", title=name_of(context, trigger))]
    if do:
        lines.append(content.text("tr_plan_do", markup={"plan": words.quoted(do)}))
    if reach:
        lines.append(content.text("tr_plan_reach", markup={"reach": words.quoted(reach)}))
    return "\n".join(lines)


def reasons_of(context: BotContext, sealed: str | None, chat: int) -> str | None:
    return secret.unseal(context, sealed, secret.reasons_binding(chat))


async def show_home(update: Update, context: BotContext) -> None:
    """/triggers and its button: the user's situations, each with its plan, and reasons."""
    content, repo = context.content, context.repo
    chat = chat_id(update)
    triggers = await repo.triggers(chat)
    lines = []
    for trigger in triggers:
        key = "tr_line" if any(plan_of(context, trigger)) else "tr_line_no_plan"
        lines.append(content.text(key, title=name_of(context, trigger)))
    reasons = reasons_of(context, await repo.reasons(chat), chat)
    text = content.ui["tr_home"] if triggers else content.ui["tr_home_empty"]
    if lines:
        text += "\n\n" + "\n".join(lines)
    if reasons:
        text += "\n\n" + content.text("tr_reasons_line", markup={"reasons": words.quoted(reasons)})
    rows = [[labelled(words.label(name_of(context, t)), TriggerOpen(t.id))] for t in triggers]
    rows.append([button(content, "btn_tr_add", TriggerAdd())])
    rows.append([button(content, "btn_tr_reasons", ReasonsEdit())])
    rows.append([button(content, "btn_checkins", CheckinsHome())])
    await respond(update, context, text, keyboard(content, rows))


async def pick_kind(update: Update, context: BotContext) -> None:
    """The guide's situations not yet chosen, and 'write my own'."""
    content = context.content
    triggers = await context.repo.triggers(chat_id(update))
    if len(triggers) >= MAX_TRIGGERS:
        rows = [[button(content, "btn_tr_home", TriggersHome())]]
        text = content.text("tr_full", count=MAX_TRIGGERS)
        await respond(update, context, text, keyboard(content, rows))
        return
    taken = {t.kind for t in triggers}
    kinds = [k for k in TriggerKind if k is not TriggerKind.CUSTOM and k not in taken]
    rows = [[labelled(words.kind_title(content, k), TriggerPick(k))] for k in kinds]
    rows.append([button(content, "btn_tr_own", TriggerPick(TriggerKind.CUSTOM))])
    rows.append([button(content, "btn_cancel", TriggersHome())])
    await respond(update, context, content.ui["tr_pick"], keyboard(content, rows))


async def picked(update: Update, context: BotContext) -> None:
    """A situation from the list (then its plan), or 'my own' (then its name)."""
    kind = TriggerPick.of(update).kind
    chat, now = chat_id(update), context.clock.now()
    if kind is TriggerKind.CUSTOM:
        await context.repo.set_pending(chat, Step(Waiting.TRIGGER_NAME).format(), now)
        await prompt_limit(update, context, "tr_ask_name", TRIGGER_NAME_LIMIT, TriggersHome())
        return
    trigger = await context.repo.add_trigger(chat, kind, now, pending=_do_step)
    await ask_do(update, context, trigger)


def _do_step(trigger_id: int) -> str:
    return Step(Waiting.TRIGGER_DO, arg=str(trigger_id)).format()


async def prompt_limit(
    update: Update, context: BotContext, key: str, limit: int, back: TriggersHome | TriggerOpen
) -> None:
    content = context.content
    rows = [[button(content, "btn_cancel", back)]]
    await respond(update, context, content.text(key, limit=limit), keyboard(content, rows))


async def typed_name(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """An own situation's name: sealed for its row, then its plan."""
    if len(text) > TRIGGER_NAME_LIMIT:
        await prompt_limit(update, context, "tr_too_long", TRIGGER_NAME_LIMIT, TriggersHome())
        return True
    chat = chat_id(update)

    def seal(trigger_id: int) -> str:
        return secret.seal(context, text, secret.trigger_binding(chat, trigger_id, "name"))

    trigger = await context.repo.add_trigger(
        chat, TriggerKind.CUSTOM, context.clock.now(), name=seal, pending=_do_step
    )
    await ask_do(update, context, trigger)
    return True


async def ask_do(update: Update, context: BotContext, trigger: TriggerView) -> None:
    content = context.content
    text = content.text("tr_ask_do", title=name_of(context, trigger), limit=PLAN_LIMIT)
    rows = [[button(content, "btn_cancel", TriggerOpen(trigger.id))]]
    await respond(update, context, text, keyboard(content, rows))


async def rewrite_plan(update: Update, context: BotContext) -> None:
    """Write the plan again, from 'what will you do instead'."""
    chat = chat_id(update)
    trigger = await context.repo.trigger(chat, TriggerPlan.of(update).trigger)
    if trigger is None:
        await show_home(update, context)
        return
    await context.repo.set_pending(chat, _do_step(trigger.id), context.clock.now())
    await ask_do(update, context, trigger)


async def typed_do(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """What they will do instead; then whom they can reach."""
    trigger = await _step_trigger(update, context, step)
    if trigger is None:
        return True
    if len(text) > PLAN_LIMIT:
        await prompt_limit(update, context, "tr_too_long", PLAN_LIMIT, TriggerOpen(trigger.id))
        return True
    sealed = secret.seal(context, text, secret.trigger_binding(trigger.chat_id, trigger.id, "do"))
    reach = Step(Waiting.TRIGGER_REACH, arg=str(trigger.id)).format()
    await context.repo.set_trigger_text(
        trigger.chat_id, trigger.id, "plan_do_enc", sealed, reach, context.clock.now()
    )
    content = context.content
    rows = [
        [button(content, "btn_tr_skip", TriggerSkip(trigger.id))],
        [button(content, "btn_cancel", TriggerOpen(trigger.id))],
    ]
    text = content.text("tr_ask_reach", limit=PLAN_LIMIT)
    await respond(update, context, text, keyboard(content, rows))
    return True


async def typed_reach(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """Whom they can reach; the plan is complete."""
    trigger = await _step_trigger(update, context, step)
    if trigger is None:
        return True
    if len(text) > PLAN_LIMIT:
        await prompt_limit(update, context, "tr_too_long", PLAN_LIMIT, TriggerOpen(trigger.id))
        return True
    binding = secret.trigger_binding(trigger.chat_id, trigger.id, "reach")
    sealed = secret.seal(context, text, binding)
    await context.repo.set_trigger_text(
        trigger.chat_id, trigger.id, "plan_reach_enc", sealed, None, context.clock.now()
    )
    await show_trigger(update, context, trigger.id, saved=True)
    return True


async def _step_trigger(update: Update, context: BotContext, step: Step) -> TriggerView | None:
    """The trigger a plan step is about; if it is gone, the step ends and the list shows."""
    chat = chat_id(update)
    trigger = await context.repo.trigger(chat, int(step.data)) if step.data.isdigit() else None
    if trigger is None:
        await context.repo.set_pending(chat, None, context.clock.now())
        await show_home(update, context)
    return trigger


async def skip_reach(update: Update, context: BotContext) -> None:
    await context.repo.set_pending(chat_id(update), None, context.clock.now())
    await show_trigger(update, context, TriggerSkip.of(update).trigger, saved=True)


async def open_trigger(update: Update, context: BotContext) -> None:
    await show_trigger(update, context, TriggerOpen.of(update).trigger)


async def show_trigger(
    update: Update, context: BotContext, trigger_id: int, *, saved: bool = False
) -> None:
    """One situation: its plan in the user's words, and what can be done with it."""
    content = context.content
    trigger = await context.repo.trigger(chat_id(update), trigger_id)
    if trigger is None:
        await show_home(update, context)
        return
    plan = plan_block(context, trigger) or content.text(
        "tr_no_plan", title=name_of(context, trigger)
    )
    text = (content.ui["tr_saved"] + "\n\n" + plan) if saved else plan
    await respond(update, context, text, keyboard(content, trigger_rows(content, trigger)))


def trigger_rows(content: Content, trigger: TriggerView) -> list[list[InlineKeyboardButton]]:
    return [
        [button(content, "btn_tr_rewrite", TriggerPlan(trigger.id))],
        [button(content, "btn_tr_checkin", CheckinAdd(trigger.id))],
        [button(content, "btn_tr_remove", TriggerDelete(trigger.id))],
        [button(content, "btn_tr_home", TriggersHome())],
    ]


async def confirm_delete(update: Update, context: BotContext) -> None:
    """Ask before removing: the plan and the situation's check-ins go with it."""
    content = context.content
    trigger = await context.repo.trigger(chat_id(update), TriggerDelete.of(update).trigger)
    if trigger is None:
        await show_home(update, context)
        return
    rows = [
        [button(content, "btn_tr_remove_yes", TriggerDeleteYes(trigger.id))],
        [button(content, "btn_keep", TriggerOpen(trigger.id))],
    ]
    text = content.text("tr_remove_confirm", title=name_of(context, trigger))
    await respond(update, context, text, keyboard(content, rows))


async def delete(update: Update, context: BotContext) -> None:
    await context.repo.delete_trigger(chat_id(update), TriggerDeleteYes.of(update).trigger)
    await show_home(update, context)


async def ask_reasons(update: Update, context: BotContext) -> None:
    """The user's reasons for keeping distance, shown back when the pull is strong."""
    await context.repo.set_pending(
        chat_id(update), Step(Waiting.REASONS).format(), context.clock.now()
    )
    await prompt_limit(update, context, "tr_ask_reasons", REASONS_LIMIT, TriggersHome())


async def typed_reasons(update: Update, context: BotContext, step: Step, text: str) -> bool:
    if len(text) > REASONS_LIMIT:
        await prompt_limit(update, context, "tr_too_long", REASONS_LIMIT, TriggersHome())
        return True
    chat = chat_id(update)
    sealed = secret.seal(context, text, secret.reasons_binding(chat))
    await context.repo.save_reasons(chat, sealed, context.clock.now())
    await show_home(update, context)
    return True


HANDLERS = [
    CommandHandler("triggers", show_home),
    CallbackQueryHandler(show_home, pattern=TriggersHome.pattern()),
    CallbackQueryHandler(pick_kind, pattern=TriggerAdd.pattern()),
    CallbackQueryHandler(picked, pattern=TriggerPick.pattern()),
    CallbackQueryHandler(open_trigger, pattern=TriggerOpen.pattern()),
    CallbackQueryHandler(rewrite_plan, pattern=TriggerPlan.pattern()),
    CallbackQueryHandler(skip_reach, pattern=TriggerSkip.pattern()),
    CallbackQueryHandler(confirm_delete, pattern=TriggerDelete.pattern()),
    CallbackQueryHandler(delete, pattern=TriggerDeleteYes.pattern()),
    CallbackQueryHandler(ask_reasons, pattern=ReasonsEdit.pattern()),
]
