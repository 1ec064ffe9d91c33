#!/usr/bin/env bash
# Install Debian's postgresql when its server binaries are missing, for the
# register's PostgreSQL tests (tests/test_register.py start a throwaway server
# with initdb/pg_ctl). Idempotent and silent when the binaries are there.
# Needs root or sudo (CI containers run as root).
set -euo pipefail

have_server() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    # Debian keeps them off PATH, in /usr/lib/postgresql/<version>/bin.
    for bin in /usr/lib/postgresql/*/bin; do
        if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then
            return 0
        fi
    done
    return 1
}

if have_server; then
    exit 0
fi
. "$(dirname "$0")/apt-install.sh"
apt_install ensure-postgres postgresql
if ! have_server; then
    echo "ensure-postgres: postgresql installed but initdb/pg_ctl not found" >&2
    exit 1
fi
