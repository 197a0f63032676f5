#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed".
# Each suite prints TAP ("ok ..." / "not ok ..."); this script counts them.
# A suite that exits non-zero without a failing line counts as one failure,
# so a crash can never pass silently.
#
# Suites: the cmocka unit binaries, then each tests/<suite>/run.sh (store
# conformance on SQLite and PostgreSQL, e2e over HTTP, the browser, fuzz
# smoke), then the unit and e2e suites again under ASan+UBSan.
set -uo pipefail
cd "$(dirname "$0")/.."

logdir=${TEST_LOG_DIR:-build/test-logs}
rm -rf "$logdir"; mkdir -p "$logdir"
passed=0 failed=0

run_suite() { # name, command...
	local name=$1; shift
	local log="$logdir/$name.log"
	local start=$SECONDS
	# Each suite in its own session: whatever it leaves running (a server
	# a script forgot to stop) is ended with it, and never holds CI open.
	setsid "$@" >"$log" 2>&1 </dev/null &
	local pid=$!
	wait "$pid"
	local rc=$?
	kill -- -"$pid" 2>/dev/null
	local ok nok
	ok=$(grep -cE '^ok ' "$log")
	nok=$(grep -cE '^not ok ' "$log")
	if [ "$rc" != 0 ] && [ "$nok" = 0 ]; then
		nok=1
		echo "not ok - suite $name exited with $rc" >>"$log"
	fi
	if [ "$ok" = 0 ] && [ "$nok" = 0 ]; then
		nok=1
		echo "not ok - suite $name ran no test" >>"$log"
	fi
	passed=$((passed + ok)); failed=$((failed + nok))
	printf '%-32s %4d passed %4d failed  %4ds\n' "$name" "$ok" "$nok" $((SECONDS - start))
	if [ "$nok" != 0 ]; then
		grep -E '^not ok ' "$log" | head -20 | sed 's/^/    /'
		echo "    (log: $log)"
	fi
}

build_tree() { # build dir, extra make args
	local dir=$1; shift
	if ! make -j"$(nproc)" BUILD="$dir" "$@" tests >"$logdir/build-$dir.log" 2>&1; then
		tail -40 "$logdir/build-$dir.log"
		echo "0 passed, 1 failed"
		exit 1
	fi
}

run_tree() { # build dir, label, suites...
	local dir=$1 label=$2; shift 2
	for t in "$dir"/tests/unit/test_*; do
		[ -x "$t" ] || continue
		run_suite "$label$(basename "$t")" "$t"
	done
	for s in "$@"; do
		[ -x "tests/$s/run.sh" ] || continue
		run_suite "$label$s" env BUILD="$dir" WASDAL_BIN="$dir/wasdal" "tests/$s/run.sh"
	done
}

echo "== build (-Werror)"
build_tree build
run_tree build "" store e2e cpns browser
if [ -x tests/fuzz/run.sh ]; then
	run_suite fuzz-smoke tests/fuzz/run.sh
fi

if [ "${SKIP_SANITIZE:-0}" != 1 ]; then
	echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
	build_tree build-asan SANITIZE=1
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	run_tree build-asan "asan:" e2e cpns
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
