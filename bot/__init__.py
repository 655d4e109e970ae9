"""A Telegram bot for people recovering from trauma bonding."""
