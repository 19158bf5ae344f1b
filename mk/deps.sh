#!/bin/sh
# Installs what building and testing unionkit needs, when it is missing.
# As root it runs apt-get; as anyone else it says exactly what to run.
set -u
# chromium, poppler-utils and a CJK font: the documents are printed to PDF
# and read back as the union prints them (t5010, make demo). jq: the peer
# of the merge benchmark (tests/bench/merge.sh).
pkgs="gcc make pkg-config libsqlite3-dev libjansson-dev libcsv-dev nettle-dev mandoc perl sqlite3 python3 ledger clang libclang-rt-14-dev valgrind gettext locales bash-completion chromium poppler-utils fonts-noto-cjk jq"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
# The Chinese messages are tested under zh_CN.UTF-8: the locale must exist.
has_zh() { locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; }
[ -z "$missing" ] && has_zh && exit 0
if [ "$(id -u)" -ne 0 ]; then
	[ -n "$missing" ] && echo "unionkit needs these Debian packages:$missing" >&2 &&
		echo "install them with: sudo apt-get install$missing" >&2
	has_zh || echo "and the zh_CN.UTF-8 locale: sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [ -n "$missing" ]; then
	echo "installing:$missing" >&2
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 || exit 1
fi
if ! has_zh; then
	echo "generating the zh_CN.UTF-8 locale" >&2
	localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || exit 1
fi
