#!/usr/bin/env bash
# Runs every tests/e2e/t_*.sh against the real binary ($WASDAL_BIN). Each
# script prints TAP lines through tests/e2e/lib.sh; numbering is per script.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WASDAL_BIN=${WASDAL_BIN:-build/wasdal}
case "$WASDAL_BIN" in /*) ;; *) WASDAL_BIN="$PWD/$WASDAL_BIN" ;; esac
rc=0
for t in "$here"/t_*.sh; do
	[ -f "$t" ] || continue
	echo "# $(basename "$t")"
	bash "$t" || rc=1
done
exit $rc
