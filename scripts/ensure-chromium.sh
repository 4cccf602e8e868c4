#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the browser tests (run by `npm test` first).
# Installs it with apt-get when we may (root on Debian/Ubuntu); otherwise says how.
set -u
# The browser and CI settings as the project reads them (src/settings.ts); a bad value stops here.
settings="$(dirname "$0")/../src/cli/settings.ts"
browser="$(node "$settings" MARSAD_CHROMIUM)" || exit 2
ci="$(node "$settings" CI)" || exit 2
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
  echo "apt-get could not install chromium" >&2
fi
echo "Chromium not found at $browser: install it (sudo apt-get install chromium) or set MARSAD_CHROMIUM." >&2
# Under CI a missing browser is an error; elsewhere the browser tests are skipped.
[ "$ci" = "true" ] && exit 1
exit 0
