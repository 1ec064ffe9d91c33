#!/usr/bin/env bash
# Install Debian's chromium when it is missing, for the print-layout test
# (tests/test_documents_chromium.py) and PDF output. Idempotent: does nothing
# when /usr/bin/chromium is already there. Needs root (CI containers run as root).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: apt-get not found; install chromium by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# fonts-noto-cjk: without a CJK font the Chinese text prints as boxes.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
test -x /usr/bin/chromium
