# Sourced by scripts/ensure-*.sh: install Debian packages with apt-get, as root or through sudo.
# Usage: apt_install NAME [APT-GET INSTALL OPTION...] PACKAGE... (NAME prefixes the error message).
apt_install() {
    local name=$1
    shift
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$name: apt-get not found; install $* by hand" >&2
        exit 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "$@" >/dev/null
}
