#!/usr/bin/env bash
# `make bench`: install wrk when missing, then measure (see benchmarks/run.py; arguments pass through).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else echo "The benchmark needs wrk: sudo apt-get install wrk" >&2; exit 1; fi
fi
scripts/system-packages.sh
exec .venv/bin/python -m benchmarks.run "$@"
