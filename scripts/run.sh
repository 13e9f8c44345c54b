#!/usr/bin/env bash
# Run callbot: on Telegram when TELEGRAM_BOT_TOKEN is set (in the environment or .env),
# otherwise a chat in this terminal. Every argument goes to callbot, e.g.
#   scripts/run.sh check mine.yaml     scripts/run.sh ask 芬兰的经费是多少？
# It runs in the folder it is started from, so relative paths and ./.env mean what they mean
# there; the venv is made in the project folder.
set -euo pipefail
project="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# a subshell: the venv is made in the project folder, and this shell stays where it was
(cd "$project" && . scripts/_venv.sh && ensure_venv "")
exec "$project/.venv/bin/callbot" "$@"
