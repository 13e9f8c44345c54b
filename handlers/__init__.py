"""Telegram side of callbot: translates updates to the core and replies back."""
