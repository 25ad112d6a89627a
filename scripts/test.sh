#!/usr/bin/env bash
# Run the whole test suite. Browser tests drive Debian's Chromium and check every page with the Nu Html
# Checker, both installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-packages.sh --browser
scripts/vnu.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if command -v msgfmt >/dev/null; then .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=var >/dev/null; fi
# Two workers (pytest-xdist): each has its own test database, named after its process.
exec .venv/bin/pytest -n "${PYTEST_WORKERS:-2}" "$@"
