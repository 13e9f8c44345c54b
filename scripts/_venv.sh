# Sourced by scripts/run.sh and scripts/test.sh; defines ensure_venv. Run it in the project
# folder: it makes .venv with Python 3.11+ and installs the project into it (with the extras
# named in its one argument), only when pyproject.toml changed since last time. It takes its
# extras as an argument of its own, never from the caller's arguments (run.sh's are callbot's).
pick_python() {
  for py in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$py" ] || continue
    if command -v "$py" >/dev/null 2>&1 &&
       "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  echo "callbot needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
  return 1
}

ensure_venv() {
  local extras="${1:-}" py stamp want
  case "$extras" in ""|test) ;; *) echo "ensure_venv: unknown extras '$extras'" >&2; return 1;; esac
  if [ ! -x .venv/bin/python ]; then
    py=$(pick_python) || return 1
    "$py" -m venv .venv || return 1
  fi
  stamp=".venv/.callbot-installed${extras:+-$extras}"
  want="$(sha256sum < pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip \
      >/dev/null 2>&1 || true
    echo "Installing callbot into .venv (first run, or pyproject.toml changed)…" >&2
    if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check \
         -e ".${extras:+[$extras]}" > .venv/install.log 2>&1; then
      cat .venv/install.log >&2
      echo "Installing failed; the log above is also in .venv/install.log" >&2
      return 1
    fi
    echo "$want" > "$stamp"
  fi
}
