#!/usr/bin/env bash
# Refresh static/vendor from the npm registry at the versions pinned in package.json.
# The copies are committed, so a fresh machine needs neither npm nor the network to run the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cp package.json "$tmp/"
(cd "$tmp" && npm install --no-audit --no-fund --silent)
nm="$tmp/node_modules"
cp "$nm"/bootstrap/dist/css/bootstrap.min.css* "$nm"/bootstrap/dist/js/bootstrap.bundle.min.js* static/vendor/
cp "$nm"/htmx.org/dist/htmx.min.js static/vendor/
mkdir -p static/vendor/bootstrap-icons
cp -r "$nm"/bootstrap-icons/font/bootstrap-icons.min.css "$nm"/bootstrap-icons/font/fonts static/vendor/bootstrap-icons/
# The outcome editor (Tiptap/ProseMirror): one self-contained IIFE bundle, no eval, no injected <style>.
mkdir -p static/vendor/tiptap
cp outcomes/assets/tiptap-entry.mjs "$tmp/"
(cd "$tmp" && npx esbuild tiptap-entry.mjs --bundle --minify --format=iife --global-name=Tiptap \
  --target=es2019 --legal-comments=eof --outfile=tiptap.min.js)
cp "$tmp/tiptap.min.js" static/vendor/tiptap/
# The door's badge reader (logistics' check-in): jsQR decodes a camera frame on the page itself, with no
# worker or WebAssembly, so it runs under the CSP as it is (script-src 'self' and the nonce).
mkdir -p static/vendor/jsqr
cp "$nm"/jsqr/dist/jsQR.js "$nm"/jsqr/LICENSE static/vendor/jsqr/
# axe-core audits every page the browser tests visit (conftest.py). Test-only: kept out of static/ so it is
# never collected or served to users.
mkdir -p tests/vendor/axe-core
cp "$nm"/axe-core/axe.min.js "$nm"/axe-core/LICENSE tests/vendor/axe-core/
rm -rf "$tmp"
echo "static/vendor and tests/vendor refreshed"
