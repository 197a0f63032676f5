#!/usr/bin/env bash
# The accounts and registry app functions on PostgreSQL: the unit suites
# test_registry_scope, test_registry_import and test_auth against fresh databases of a throw-away
# PostgreSQL 15 cluster, then a CLI seed / import / export round trip.
# Skipped (one ok line) when PostgreSQL is not installed.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$root/$BUILD" ;; esac
. "$root/tests/store/pg.sh"
if [ ! -x "$PG_BIN/initdb" ]; then
	ok 0 "# SKIP no PostgreSQL 15"
	tap_done
fi
trap 'pg_stop; cleanup' EXIT
pg_start "$T_DIR" >/dev/null; check_eq "start PostgreSQL" $? 0
for t in test_registry_scope test_registry_import test_auth; do
	pg_createdb "$t"
	out=$(WASDAL_TEST_DB="${PG_URL}$t" CMOCKA_MESSAGE_OUTPUT=TAP "$BUILD/tests/unit/$t" 2>&1); rc=$?
	check_eq "$t on PostgreSQL" $rc 0
	[ $rc = 0 ] || printf '%s\n' "$out" | grep -E 'not ok|error' | head -5 | sed 's/^/# /'
done
pg_createdb cli
DB="${PG_URL}cli"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
W seed demo >/dev/null; check_eq "seed demo on PostgreSQL" $? 0
out=$(W seed demo); check_contains "second seed creates nothing" "$out" "(0 baru)"
W export pegawai --out "$T_DIR/a.csv" 2>/dev/null; check_eq "export" $? 0
out=$(W import pegawai "$T_DIR/a.csv" 2>&1); rc=$?
check_eq "re-import of the export" $rc 0
check_contains "…changes nothing" "$out" "0 baru, 0 diubah, 372 tetap"
python3 "$root/tests/e2e/gen_pegawai.py" 2000 3374 SETDA >"$T_DIR/b.csv"
out=$(W import pegawai "$T_DIR/b.csv" 2>&1); check_contains "import 2000 rows" "$out" "2000 baru"
n=$(W export pegawai --actor ppk.semarang 2>/dev/null | wc -l)
check_eq "ppk sees Kota Semarang only" "$n" $((60 + 2000 + 1))
W audit verify >/dev/null; check_eq "audit chain intact" $? 0
tap_done
