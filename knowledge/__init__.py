"""The structured knowledge callbot answers from: dataclasses, loader and the bundled file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from knowledge.loader import KnowledgeError, Problem, load_knowledge
from knowledge.model import Knowledge

BUNDLED_NAME = "calls_2023.yaml"


def bundled_path() -> Path:
    """Path of the knowledge file shipped inside the package."""
    return Path(str(resources.files("knowledge").joinpath(BUNDLED_NAME)))


def load_bundled() -> Knowledge:
    return load_knowledge(bundled_path())


__all__ = [
    "Knowledge",
    "KnowledgeError",
    "Problem",
    "bundled_path",
    "load_bundled",
    "load_knowledge",
]
