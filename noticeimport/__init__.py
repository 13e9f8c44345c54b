"""Maintainer tool: turn a notice's text into a knowledge file to complete (`callbot import`).

It sits above knowledge/ (it writes what the loader reads) and outside the runtime: the bot,
the terminal chat and `callbot ask` never import it.
"""
