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
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-postgres: apt-get not found; install the PostgreSQL server (initdb, pg_ctl) by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql >/dev/null
if ! have_server; then
    echo "ensure-postgres: postgresql installed but initdb/pg_ctl not found" >&2
    exit 1
fi
