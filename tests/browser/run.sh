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
# cases for the dashboard and the public statistics (dasbor.mjs)
python3 "$root/bench/gen_kasus.py" --db "$T_DIR/b.db" --rows 300 --seed 11 ||
	{ echo "not ok 1 - generate cases"; exit 1; }
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
# Apel and sosialisasi: an officer with JavaScript, an attendee without.
# Before the campaign test: that one activates asn.banyumas's NIP, which
# sets a new password on the account this one logs in with.
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	BK_USER="$DEMO_BKPSDM_A" BK_PASSWORD="$DEMO_BKPSDM_A_PASSWORD" \
	ASN_USER=asn.banyumas ASN_PASSWORD="$(demo_password "$T_DIR/seed.out" asn.banyumas)" \
	node "$here/acara.mjs" || rc=1
# Documents and campaigns: signing and verification with and without JS.
kdb=${DB#sqlite:}
KAMP_NIP1=$(sqlite3 "$kdb" "select nip from users where username='asn.banyumas'")
KAMP_NIP2=$(sqlite3 "$kdb" "select p.nip from pegawai p join instansi i on i.id=p.instansi_id where i.kode='3302' and p.status='aktif' and p.nip<>'$KAMP_NIP1' and not exists (select 1 from tanda_tangan t where t.nip=p.nip) order by p.nip limit 1")
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	KAMP_BKPSDM_PASSWORD="$DEMO_BKPSDM_A_PASSWORD" KAMP_NIP1="$KAMP_NIP1" KAMP_NIP2="$KAMP_NIP2" \
	node "$here/kampanye.mjs" || rc=1
# The citizen report pages: a photo with EXIF to attach.
python3 "$root/tests/e2e/exif_jpeg.py" "$T_DIR/foto.jpg" GPS-PERAMBAN
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" LAPOR_PHOTO="$T_DIR/foto.jpg" \
	node "$here/laporan.mjs" || rc=1
# The officer case pages: the queue, a case, transitions with and without JS.
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	KASUS_USER=bkn KASUS_PASSWORD="$(demo_password "$T_DIR/seed.out" bkn)" \
	node "$here/kasus.mjs" || rc=1
# The dashboard and the public statistics: its own script and TAP plan.
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	node "$here/dasbor.mjs" || rc=1
# The pages no other script reaches (import, workflow, public keys,
# template, the custodian's identity page). Last: it adds an employee and
# a workflow version. Bounded: a page that never answers fails the plan.
rahasia_nomor=$(sqlite3 "$kdb" "select nomor from kasus where pelapor_mode='rahasia' order by id limit 1")
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD" BK_PASSWORD="$DEMO_BKPSDM_A_PASSWORD" \
	CUSTODIAN_PASSWORD="$(demo_password "$T_DIR/seed.out" custodian)" \
	KUNCI_PASSPHRASE="$(sed -n 's/.*(kustodian): //p' "$T_DIR/seed.out")" \
	RAHASIA_NOMOR="$rahasia_nomor" RAHASIA_RECEIPT=1111-2222-3333-0002 RAHASIA_NAMA="Pelapor Demo Rahasia" \
	timeout 300 node "$here/halaman.mjs" || rc=1
stop_server

# The public CPNS result page on a generated, published round.
gen=$root/bench/gen_cpns.py
CPNS="$T_DIR/cpns"
python3 "$gen" --applicants 500 --formations 30 --out "$CPNS/in" >/dev/null 2>&1 &&
	"$WASDAL_BIN" cpns rank --formasi "$CPNS/in/formations.csv" --peserta "$CPNS/in/applicants.csv" \
		--out "$CPNS/r" --quiet &&
	"$WASDAL_BIN" cpns publish "$CPNS/r" --db "$DB" --label "SKD uji peramban" --quiet ||
	{ echo "not ok - generate, rank and publish a CPNS round"; exit 1; }
row=$(awk -F, '$5=="P/L"{print; exit}' "$CPNS/r/results.csv")
aid=$(echo "$row" | cut -d, -f1)
start_server "$DB" || { echo "not ok - server starts again"; exit 1; }
BASE_URL=$BASE SHOT_DIR="$root/build/browser" PROFILE_DIR="$T_DIR/profile" \
	CPNS_AID="$aid" CPNS_NIK="$(awk -F, -v a="$aid" '$1==a{print $2}' "$CPNS/in/applicants.csv")" \
	CPNS_STATUS="$(echo "$row" | cut -d, -f5)" CPNS_TOTAL="$(echo "$row" | cut -d, -f3)" \
	node "$here/cpns_hasil.mjs" || rc=1
stop_server
exit $rc
