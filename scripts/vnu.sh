#!/usr/bin/env bash
# Install the W3C's Nu Html Checker (the npm registry's vnu-jar, at the version package.json pins) into
# var/tools/vnu for the browser tests (tests/html_validity.py). Test-only: 30 MB, never committed or served.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*"vnu-jar": *"\([^"]*\)".*/\1/p' package.json)
jar=var/tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
installed=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' var/tools/vnu/node_modules/vnu-jar/package.json 2>/dev/null || true)
[ -f "$jar" ] && [ "$installed" = "$version" ] && exit 0
if ! command -v npm >/dev/null; then
  echo "npm is missing: the browser tests will not check HTML validity (install Node.js and npm)" >&2
  exit 0
fi
mkdir -p var/tools/vnu
npm install --prefix var/tools/vnu --no-audit --no-fund --silent --no-save "vnu-jar@$version"
