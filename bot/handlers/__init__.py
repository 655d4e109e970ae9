"""One module per feature; bot.app registers them."""
