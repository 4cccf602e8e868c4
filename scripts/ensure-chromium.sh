#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the browser tests (run by `npm test` first).
# Installs it with apt-get when we may (root on Debian/Ubuntu); otherwise says how.
set -u
browser="${MARSAD_CHROMIUM:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
  echo "apt-get could not install chromium" >&2
fi
echo "Chromium not found at $browser: install it (sudo apt-get install chromium) or set MARSAD_CHROMIUM." >&2
# Under CI a missing browser is an error; elsewhere the browser tests are skipped.
[ "${CI:-}" = "true" ] && exit 1
exit 0
