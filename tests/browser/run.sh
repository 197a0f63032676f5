#!/usr/bin/env bash
# Browser smoke test: starts the server like the e2e tests, then drives
# Debian's /usr/bin/chromium with playwright-core (never a downloaded
# browser). Prints TAP. Screenshots go to build/browser/.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${WASDAL_BIN:=build/wasdal}"
case "$WASDAL_BIN" in /*) ;; *) WASDAL_BIN="$root/$WASDAL_BIN" ;; esac
export WASDAL_BIN
cd "$root"
. tests/e2e/lib.sh
. tests/e2e/web_lib.sh
. tests/e2e/demo_accounts.sh

if [ ! -x /usr/bin/chromium ] || [ ! -d "$here/node_modules/playwright-core" ]; then
	echo "not ok 1 - browser tests need /usr/bin/chromium and npm install in tests/browser (scripts/deps.sh test)"
	exit 1
fi
DB="sqlite:$T_DIR/b.db"
"$WASDAL_BIN" migrate --db "$DB" >/dev/null 2>&1
"$WASDAL_BIN" seed demo --db "$DB" >"$T_DIR/seed.out" 2>&1
demo_load "$DB" "$T_DIR/seed.out"
start_server "$DB" || { echo "not ok 1 - server starts"; exit 1; }
mkdir -p "$root/build/browser"
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	DEMO_USER="$DEMO_ADMIN" DEMO_PASSWORD="$DEMO_ADMIN_PASSWORD" DEMO_NIP="$DEMO_NIP_A" \
	DEMO_NAME="$DEMO_A_NAMA" \
	node "$here/smoke.mjs"
rc=$?
# The integrity pages (BerAKHLAK screen, signing, verification): its own
# script and TAP plan, counted by scripts/test.sh like the smoke test's.
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	DEMO_INSTANSI="$DEMO_A_INSTANSI_KODE" \
	node "$here/integrity.mjs" || rc=1
stop_server
exit $rc
