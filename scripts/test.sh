#!/usr/bin/env bash
# The whole test suite: lint, format check, unit/property/question-set/end-to-end tests.
# Arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/_venv.sh
ensure_venv test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
