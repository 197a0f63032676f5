#!/usr/bin/env bash
# The storage conformance suite, once per backend: a fresh SQLite file, then
# a throw-away PostgreSQL 15 cluster on a free loopback port (initdb, start,
# create databases; stopped and removed on exit). Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
suite="$BUILD/tests/store/test_store_contract"
tmp=$(mktemp -d /tmp/wasdal-store.XXXXXX)
rc=0
cleanup() {
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "# sqlite"
STORE_URL="sqlite:$tmp/contract.db" STORE_URL_EMPTY="sqlite:$tmp/empty.db" "$suite" || rc=1
exit $rc
