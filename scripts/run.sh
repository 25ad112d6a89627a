#!/usr/bin/env bash
# Start the portal for a local run: migrate, load the 2010 demo, then the web server and a
# Celery worker side by side (Ctrl-C stops both). SQLite and mail files live under var/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=gfmd.settings
export DEBUG="${DEBUG:-true}"
scripts/system-packages.sh
mkdir -p var/mail
$PY manage.py migrate --noinput
$PY manage.py load_demo
echo
echo "Mails sent by the portal are written to var/mail/ (one .log file per mail)."
echo "Open http://127.0.0.1:8000"
# -B runs beat inside the worker: the mail sweep, survey reminders and other periodic tasks.
.venv/bin/celery -A gfmd worker -B --loglevel=INFO --concurrency=2 --pool=prefork &
worker=$!
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT INT TERM
$PY manage.py runserver "${PORT:-127.0.0.1:8000}"
