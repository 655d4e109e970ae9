"""/start, /help, the main menu, and commands or buttons the bot doesn't know."""

from __future__ import annotations

from telegram import BotCommand, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.callbacks import Commands, CountryMenu, HowItWorks, Menu, SetCountry, SkipCountry
from bot.content import Content
from bot.context import BotContext
from bot.delivery.limiter import FOLLOW_UP
from bot.handlers.common import button, chat_id, keyboard, labelled, main_menu, respond
from bot.handlers.country import ask_when_new, skip_country
from bot.privacy.state import note_sent

COMMANDS = [
    ("hotline", "cmd_hotline"),
    ("explain", "cmd_explain"),
    ("daily", "cmd_daily"),
    ("progress", "cmd_progress"),
    ("triggers", "cmd_triggers"),  # checkins branch
    ("checkins", "cmd_checkins"),  # checkins branch
    ("checkin", "cmd_checkin"),  # checkins branch
    ("country", "cmd_country"),
    # --- privacy ---
    ("journal", "cmd_journal"),
    ("safetyplan", "cmd_safetyplan"),
    ("privacy", "cmd_privacy"),
    ("stop", "cmd_stop"),
    ("hide", "cmd_hide"),
    ("delete", "cmd_delete"),
    # --- end privacy ---
    ("help", "cmd_help"),
    ("menu", "cmd_menu"),
    ("start", "cmd_start"),
]


def bot_commands(context_ui: dict[str, str]) -> list[BotCommand]:
    """The command list registered with set_my_commands at start-up."""
    return [BotCommand(name, context_ui[key]) for name, key in COMMANDS]


def welcome_menu(content: Content) -> InlineKeyboardMarkup:
    """The main menu with "How this works" on top: the welcome fits one phone screen."""
    menu = main_menu(content)
    how = [button(content, "btn_how_it_works", HowItWorks())]
    return InlineKeyboardMarkup([how, *menu.inline_keyboard])


async def start(update: Update, context: BotContext) -> None:
    """Welcome: what this is and isn't, Help now, the main menu; the rest a tap away. Someone
    new is then asked their country in one tap, so Help now shows the right lines."""
    content = context.content
    await respond(update, context, content.ui["welcome"], welcome_menu(content))
    cid = chat_id(update)
    if cid not in context.services.countries:
        user = update.effective_user
        guess = likely_country(user.language_code if user else None, content)
        rows = [[button(content, "btn_other_country", CountryMenu())]]
        if guess is not None:
            country = content.country(guess)
            rows.insert(0, [labelled(f"{country.flag} {country.name}", SetCountry(guess))])
        rows.append([button(content, "btn_skip", SkipCountry())])
        # Its own turn after every first answer: in a rush of newcomers, nobody waits for
        # another person's country question before being greeted.
        sent = await context.bot.send_message(
            cid,
            content.ui["ask_country"],
            reply_markup=keyboard(content, rows),
            rate_limit_args=FOLLOW_UP,
        )
        note_sent(context, sent)  # /hide deletes it with the rest
        await ask_when_new(context, cid)  # a typed "Germany" or "skip" answers it


def likely_country(language_code: str | None, content: Content) -> str | None:
    """A region in Telegram's language code ("en-GB") that we hold lines for; only ever a
    suggestion the user confirms, never decided for them."""
    region = (language_code or "").replace("_", "-").partition("-")[2].upper()
    region = {"UK": "GB"}.get(region, region)
    return region if region in content.countries else None


async def how_it_works(update: Update, context: BotContext) -> None:
    """The rest of the welcome: what each part does, staying discreet, therapy."""
    await respond(update, context, context.content.ui["how_it_works"], main_menu(context.content))


async def menu(update: Update, context: BotContext) -> None:
    """The main menu, from any screen."""
    await respond(update, context, context.content.ui["menu"], main_menu(context.content))


async def help_command(update: Update, context: BotContext) -> None:
    """List the commands."""
    ui = context.content.ui
    text = f"{ui['help']}\n\n{ui['help_privacy']}"  # privacy: its commands
    await respond(update, context, text, keyboard(context.content))


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command we don't have: say so kindly and show what there is."""
    await respond(
        update, context, context.content.ui["unknown_command"], main_menu(context.content)
    )


async def expired_button(update: Update, context: BotContext) -> None:
    """Callback data we don't recognise or didn't send here (old or forged): the menu."""
    await respond(update, context, context.content.ui["expired_button"], main_menu(context.content))


HANDLERS = [
    CommandHandler("start", start),
    CommandHandler("help", help_command),
    CommandHandler("menu", menu),
    CallbackQueryHandler(menu, pattern=Menu.pattern()),
    CallbackQueryHandler(help_command, pattern=Commands.pattern()),
    CallbackQueryHandler(how_it_works, pattern=HowItWorks.pattern()),
    CallbackQueryHandler(skip_country, pattern=SkipCountry.pattern()),
]
# Registered last, after every feature's handlers.
FALLBACKS = [
    MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command),
    CallbackQueryHandler(expired_button),
]
