"""The bot's content as package data: every text users see, in YAML (see bot/content.py)."""
