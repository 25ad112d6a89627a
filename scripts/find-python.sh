#!/usr/bin/env bash
# Print the path of a Python 3.12 or newer, looking at $PYTHON, the PATH, then pyenv.
# Django 6 refuses 3.11 (and pip would then silently fall back to Django 5.2), so we never
# settle for an older one: we say what to install instead.
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for v in python3.13 python3.12 python3.14 python3; do
  p=$(command -v "$v" 2>/dev/null) && candidates+=("$p")
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for d in "$root"/versions/3.13* "$root"/versions/3.12* "$root"/versions/3.14*; do
  [ -x "$d/bin/python" ] && candidates+=("$d/bin/python")
done
for c in "${candidates[@]}"; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
cat >&2 <<'MSG'
No Python 3.12 or newer was found (Django 6 needs it).
Install one, for example:
  Debian/Ubuntu: apt-get install python3.12 python3.12-venv
  pyenv:         pyenv install 3.12
then run the command again, or point PYTHON=/path/to/python3.12 at it.
MSG
exit 1
