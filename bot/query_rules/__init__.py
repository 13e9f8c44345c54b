"""The named rules that build a query (bot/query.py runs them in the order of its table).

One module per kind of decision; helpers two kinds share live in ``common``."""
