#!/usr/bin/env bash
# Runs every bench/*.sh (each prints its own figures and ratios); used by
# `make bench`. Helpers live in subdirectories so they are not run here.
set -uo pipefail
cd "$(dirname "$0")"
rc=0
for b in ./*.sh; do
	[ "$b" = ./run.sh ] && continue
	echo "== $b"
	"$b" || rc=1
done
exit $rc
