#!/usr/bin/env bash
# fuzz smoke: builds every tests/fuzz/fuzz_<name>.c with libFuzzer and runs
# it for FUZZ_SECONDS (default 15) over its seed corpus tests/fuzz/corpus/<name>/.
# A crash, leak or sanitizer report fails the target.
set -uo pipefail
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-15}
make -s -j"$(nproc)" fuzz >build-fuzz.log 2>&1 || { cat build-fuzz.log; echo "not ok - fuzz targets build"; exit 1; }
rm -f build-fuzz.log
n=0 rc=0
for src in tests/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c); name=${name#fuzz_}
	n=$((n + 1))
	work=$(mktemp -d)
	corpus=tests/fuzz/corpus/$name
	log=$(mktemp)
	if (cd "$work" && "$OLDPWD/build-fuzz/fuzz_$name" -max_total_time="$secs" -rss_limit_mb=1024 \
		-max_len=65536 "$work" "$OLDPWD/$corpus") >"$log" 2>&1; then
		echo "ok $n - fuzz $name ${secs}s: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" || tail -1 "$log")"
	else
		echo "not ok $n - fuzz $name"; sed 's/^/# /' "$log" | tail -30; rc=1
	fi
	rm -rf "$work" "$log"
done
exit $rc
