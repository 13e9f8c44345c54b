#!/usr/bin/env bash
# Run callbot: on Telegram when TELEGRAM_BOT_TOKEN is set, otherwise a chat in this terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh
exec .venv/bin/callbot "$@"
