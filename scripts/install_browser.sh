#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
#
# Idempotent and quick when it is there already (one `test -x`). Playwright never downloads
# a browser of its own here: the tests launch this one through `executable_path`.
# It never fails the build: where Chromium cannot be installed (not root, no apt-get, no
# network), it says why and the browser tests skip with that reason.
set -uo pipefail

CHROMIUM=${PRESSFACTS_CHROMIUM:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get here; browser tests will be skipped" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install_browser: not root, cannot apt-get install chromium; browser tests will be skipped" >&2
    exit 0
fi
echo "install_browser: installing Debian's chromium (once per machine)" >&2
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    echo "install_browser: $("$CHROMIUM" --version 2>/dev/null || echo chromium installed)" >&2
else
    echo "install_browser: apt-get install chromium failed; browser tests will be skipped" >&2
fi
exit 0
