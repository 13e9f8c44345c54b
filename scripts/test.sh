#!/usr/bin/env bash
# The whole test suite: lint, format check, unit/property/question-set/end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
