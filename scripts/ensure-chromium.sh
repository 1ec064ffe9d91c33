#!/usr/bin/env bash
# Install Debian's chromium when it is missing, for the print-layout test
# (tests/test_documents_chromium.py) and PDF output. Idempotent: does nothing
# when /usr/bin/chromium is already there. Needs root (CI containers run as root).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
. "$(dirname "$0")/apt-install.sh"
# fonts-noto-cjk: without a CJK font the Chinese text prints as boxes.
apt_install ensure-chromium --no-install-recommends chromium fonts-noto-cjk
test -x /usr/bin/chromium
