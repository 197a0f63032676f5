#!/usr/bin/env bash
# t_api.sh again on a throw-away PostgreSQL 15 cluster (the E2E suite runs
# once per backend). Skipped (one ok line) when PostgreSQL is not installed.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/tests/store/pg.sh"
if [ ! -x "$PG_BIN/initdb" ]; then
	echo "ok 1 - # SKIP no PostgreSQL 15"
	exit 0
fi
tmp=$(mktemp -d /tmp/wasdal-api-pg.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
if ! pg_start "$tmp" >/dev/null || ! pg_createdb api >/dev/null; then
	echo "not ok 1 - start PostgreSQL and create a database"
	exit 1
fi
WASDAL_API_DB="${PG_URL}api" bash "$here/t_api.sh" | sed -E 's/^(not ok|ok) ([0-9]+) - /\1 \2 - postgresql: /'
exit "${PIPESTATUS[0]}"
