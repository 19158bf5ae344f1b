#!/bin/sh
# Installs what building and testing unionkit needs, when it is missing.
# As root it runs apt-get; as anyone else it says exactly what to run.
set -u
pkgs="gcc make pkg-config libsqlite3-dev libjansson-dev libcsv-dev nettle-dev mandoc perl sqlite3 python3 ledger clang libclang-rt-14-dev valgrind"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "unionkit needs these Debian packages:$missing" >&2
	echo "install them with: sudo apt-get install$missing" >&2
	exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq $missing >&2
