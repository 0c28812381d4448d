#!/usr/bin/env bash
# Run before `npm test`: the CORS test drives Debian's Chromium (/usr/bin/chromium). Install it
# when it is missing and this machine allows it (root with apt); otherwise say what to do.
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser test (once)…" >&2
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; then
    echo "Could not install chromium; the browser test will fail until it is installed." >&2
  fi
else
  echo "chromium is missing: 'sudo apt-get install chromium' (the browser test needs it)." >&2
fi
exit 0
