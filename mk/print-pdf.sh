#!/bin/sh
# Prints an HTML page to PDF with headless Chromium, as a union prints its
# documents from a browser: A4 as the page's own @page rule says, no
# header or footer of the browser's. Usage: sh mk/print-pdf.sh HTML PDF.
# Exit 69 when no Chromium is installed (mk/deps.sh installs it).
set -u
html=$1
pdf=$2
browser=
for b in chromium chromium-browser google-chrome; do
	command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
[ -n "$browser" ] || { echo "print-pdf: no chromium (run mk/deps.sh as root)" >&2; exit 69; }
case $html in /*) ;; *) html=$(pwd)/$html ;; esac
case $pdf in /*) ;; *) pdf=$(pwd)/$pdf ;; esac
# A profile of its own, removed after: a print leaves nothing in $HOME.
profile=$(mktemp -d "${TMPDIR:-/tmp}/uk-chromium.XXXXXX") || exit 1
trap 'rm -rf "$profile"' EXIT
rm -f "$pdf"
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
"$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
	--no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >"$profile/log" 2>&1
if [ ! -s "$pdf" ]; then
	echo "print-pdf: $browser wrote no $pdf:" >&2
	tail -5 "$profile/log" >&2
	exit 1
fi
