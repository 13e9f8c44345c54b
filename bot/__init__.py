"""callbot: answers questions about research-funding calls from a structured knowledge file."""

__version__ = "0.1.0"
