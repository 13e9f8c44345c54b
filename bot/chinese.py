"""Moved to ``textnorm.chinese`` (below both bot/ and knowledge/); this name keeps old imports
working."""

from textnorm.chinese import *  # noqa: F403
from textnorm.chinese import __all__  # noqa: F401
