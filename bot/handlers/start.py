"""/start, /help, the main menu, and commands or buttons the bot doesn't know."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.callbacks import Commands, Menu
from bot.context import BotContext
from bot.handlers.common import keyboard, main_menu, respond

COMMANDS = [
    ("hotline", "cmd_hotline"),
    ("explain", "cmd_explain"),
    ("daily", "cmd_daily"),
    ("progress", "cmd_progress"),
    ("triggers", "cmd_triggers"),  # checkins branch
    ("checkins", "cmd_checkins"),  # checkins branch
    ("checkin", "cmd_checkin"),  # checkins branch
    ("country", "cmd_country"),
    ("help", "cmd_help"),
    ("start", "cmd_start"),
]


def bot_commands(context_ui: dict[str, str]) -> list[BotCommand]:
    """The command list registered with set_my_commands at start-up."""
    return [BotCommand(name, context_ui[key]) for name, key in COMMANDS]


async def start(update: Update, context: BotContext) -> None:
    """Welcome: what this is and isn't, staying discreet, the main menu."""
    await respond(update, context, context.content.ui["welcome"], main_menu(context.content))


async def menu(update: Update, context: BotContext) -> None:
    """The main menu, from any screen."""
    await respond(update, context, context.content.ui["menu"], main_menu(context.content))


async def help_command(update: Update, context: BotContext) -> None:
    """List the commands."""
    await respond(update, context, context.content.ui["help"], keyboard(context.content))


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
]
# Registered last, after every feature's handlers.
FALLBACKS = [
    MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command),
    CallbackQueryHandler(expired_button),
]
