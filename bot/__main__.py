"""``python -m bot`` behaves exactly like the ``callbot`` command."""

import sys

from bot.cli import main

sys.exit(main())
