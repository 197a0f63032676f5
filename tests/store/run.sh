#!/usr/bin/env bash
# The storage conformance suite, once per backend: a fresh SQLite file, then
# a throw-away PostgreSQL 15 cluster on a free loopback port (initdb, start,
# create databases; stopped and removed on exit). Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
suite="$BUILD/tests/store/test_store_contract"
tmp=$(mktemp -d /tmp/wasdal-store.XXXXXX)
. tests/store/pg.sh
rc=0
cleanup() {
	pg_stop
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "# sqlite"
STORE_URL="sqlite:$tmp/contract.db" STORE_URL_EMPTY="sqlite:$tmp/empty.db" "$suite" || rc=1

echo "# postgresql"
if ! pg_start "$tmp"; then
	echo "not ok - start a PostgreSQL 15 cluster"
	exit 1
fi
pg_createdb wasdal && pg_createdb wasdal_empty || { echo "not ok - create databases"; exit 1; }
STORE_URL="${PG_URL}wasdal" STORE_URL_EMPTY="${PG_URL}wasdal_empty" "$suite" || rc=1
exit $rc
