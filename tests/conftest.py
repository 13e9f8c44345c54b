from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from knowledge import bundled_path, load_bundled

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def knowledge():
    return load_bundled()


@pytest.fixture
def engine(knowledge):
    return Engine(knowledge)


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return bundled_path().read_text(encoding="utf-8")
