#!/usr/bin/env bash
# Run the whole test suite. Browser tests drive Debian's Chromium, installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's Chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null)
  else
    echo "Browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
  fi
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
.venv/bin/python manage.py compilemessages --ignore=.venv >/dev/null
exec .venv/bin/pytest "$@"
