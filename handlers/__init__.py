"""The Telegram layer: translates between Telegram updates and the answering core (bot.engine).

No answering logic lives here; see handlers/app.py for the wiring.
"""
