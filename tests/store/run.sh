#!/usr/bin/env bash
# The storage conformance suite, once per backend: a fresh SQLite file, then
# a throw-away PostgreSQL 15 cluster on a free loopback port (initdb, start,
# create databases; stopped and removed on exit). Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
tmp=$(mktemp -d /tmp/wasdal-store.XXXXXX)
. tests/store/pg.sh
rc=0
cleanup() {
	pg_stop
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "# sqlite"
# Every tests/store/test_store_*.c is a conformance suite of one area of the
# store; each gets fresh databases on both backends.
suites=$(ls "$BUILD"/tests/store/test_store_* | grep -v '\.d$\|\.o$')
for suite in $suites; do
	name=$(basename "$suite")
	STORE_URL="sqlite:$tmp/$name.db" STORE_URL_EMPTY="sqlite:$tmp/$name-empty.db" "$suite" || rc=1
done

echo "# postgresql"
if ! pg_start "$tmp"; then
	echo "not ok - start a PostgreSQL 15 cluster"
	exit 1
fi
for suite in $suites; do
	name=$(basename "$suite")
	pg_createdb "$name" && pg_createdb "${name}_empty" || { echo "not ok - create databases"; exit 1; }
	STORE_URL="${PG_URL}$name" STORE_URL_EMPTY="${PG_URL}${name}_empty" "$suite" || rc=1
done

# The database commands and the audit chain on PostgreSQL, as
# tests/e2e/t_store_cli.sh does on SQLite: tampering through psql (with the
# append-only triggers disabled, as a superuser could) must be caught.
echo "# postgresql: migrate, audit verify, tampering"
wasdal=${WASDAL_BIN:-$BUILD/wasdal}
fixture="$BUILD/tests/unit/test_audit"
n=0
tap() { # status, description
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok - pg cli $n: $2"; else echo "not ok - pg cli $n: $2"; rc=1; fi
}
expect() { # want-exit description command...
	local want=$1 d=$2; shift 2
	out=$("$@" 2>&1); local got=$?
	[ "$got" = "$want" ]; tap $? "$d (exit $got)"
	[ "$got" = "$want" ] || echo "# $out"
}
contains() { # description needle
	case "$out" in *"$2"*) tap 0 "$1" ;; *) tap 1 "$1"; echo "# $out" ;; esac
}
url="${PG_URL}wasdal_audit"
pg_createdb wasdal_audit
expect 0 "migrate" "$wasdal" migrate --db "$url"
latest=$(ls src/store/migrations/pg | sort | tail -1 | cut -c1-4 | sed 's/^0*//')
contains "migrate prints from -> to" "0 -> $latest"
expect 0 "second migrate" "$wasdal" migrate --db "$url"
contains "second migrate is a no-op" "(versi $latest)"
expect 0 "fixture appends 12 audited writes" "$fixture" --fixture "$url" 12
expect 0 "intact chain verifies" env WASDAL_LANG=en "$wasdal" audit verify --db "$url"
contains "verify counts 12 records" "12 records"
expect 2 "backup on PostgreSQL points to pg_dump" "$wasdal" backup --db "$url" "$tmp/x.bak"
contains "backup message names pg_dump" "pg_dump"

tamper() { # name, sql, want-record
	pg_psql postgres -c "CREATE DATABASE $1 TEMPLATE wasdal_audit" &&
		pg_psql "$1" -c "ALTER TABLE audit_log DISABLE TRIGGER USER" -c "$2"
	expect 1 "$1: verify fails" env WASDAL_LANG=en "$wasdal" audit verify --db "${PG_URL}$1"
	contains "$1: names record $3" "record #$3:"
}
tamper t_edit "UPDATE audit_log SET diff = '{}' WHERE seq = 4" 4
tamper t_delete "DELETE FROM audit_log WHERE seq = 5" 6
tamper t_swap "UPDATE audit_log SET seq = 1003 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 1003" 3
tamper t_insert "UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 6; UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1006; INSERT INTO audit_log SELECT 6, ts_ms, actor_id, actor, action, object_type, object_id, '{}', hash, hash FROM audit_log WHERE seq = 5" 6
out=$(pg_psql wasdal_audit -c "UPDATE audit_log SET diff = 'x' WHERE seq = 2" 2>&1)
contains "the triggers refuse an ordinary edit" "append-only"

# Writers on two connections killed with SIGKILL: the server rolls back
# their open transactions and the chain stays whole.
{
	for round in 1 2 3; do
		"$fixture" --loop "$url" & p1=$!
		"$fixture" --loop "$url" & p2=$!
		sleep "0.$((RANDOM % 5 + 3))"
		kill -9 "$p1" "$p2"
		wait "$p1" "$p2"
	done
} 2>/dev/null
expect 0 "chain verifies after kill -9 of concurrent writers" "$wasdal" audit verify --db "$url"
# wasdal cpns publish on PostgreSQL: a generated round is stored whole, a
# second round becomes the newest, and a publish killed with SIGKILL
# leaves no half publication (every stored row belongs to a publication
# whose row_count it fills exactly).
echo "# postgresql: cpns publish"
gen="$(git rev-parse --show-toplevel)/bench/gen_cpns.py"
cpns_url="${PG_URL}wasdal_cpns"
pg_createdb wasdal_cpns
expect 0 "migrate (cpns)" "$wasdal" migrate --db "$cpns_url"
python3 "$gen" --applicants 40000 --formations 800 --out "$tmp/cpns" >/dev/null 2>&1 &&
	"$wasdal" cpns rank --formasi "$tmp/cpns/formations.csv" --peserta "$tmp/cpns/applicants.csv" \
		--out "$tmp/cpns/r" --quiet
tap $? "generate and rank a round"
expect 0 "publish" "$wasdal" cpns publish "$tmp/cpns/r" --db "$cpns_url" --label "pg 1"
contains "publish counts the rows" "40000"
rows=$(pg_psql wasdal_cpns -tAc "SELECT count(*) FROM cpns_results")
[ "$rows" = 40000 ]; tap $? "every row stored ($rows)"
"$wasdal" cpns publish "$tmp/cpns/r" --db "$cpns_url" --label "pg 2" --quiet & pid=$!
sleep 0.$((RANDOM % 5 + 2))
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
bad=$(pg_psql wasdal_cpns -tAc "SELECT (SELECT coalesce(sum(row_count), 0) FROM cpns_publications) - (SELECT count(*) FROM cpns_results)")
[ "$bad" = 0 ]; tap $? "kill -9 during publish leaves no half publication"
expect 0 "publish a second round" "$wasdal" cpns publish "$tmp/cpns/r" --db "$cpns_url" --label "pg 3"
latest=$(pg_psql wasdal_cpns -tAc "SELECT label FROM cpns_publications ORDER BY id DESC LIMIT 1")
[ "$latest" = "pg 3" ]; tap $? "the newest publication is the latest ($latest)"
exit $rc
