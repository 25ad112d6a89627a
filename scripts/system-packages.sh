#!/usr/bin/env bash
# Install the Debian packages the portal needs when they are missing: Pango and fonts with
# French and Spanish accents for WeasyPrint, gettext for the catalogues, and (with --browser)
# Chromium and Java for the browser tests. Without root, say what to install instead.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-liberation gettext)
if [ "${1:-}" = "--browser" ]; then
  packages+=(chromium)
  # Java runs the Nu Html Checker the browser tests use (scripts/vnu.sh).
  command -v java >/dev/null || packages+=(default-jre-headless)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]} (install them with: sudo apt-get install ${missing[*]})" >&2
fi
