#!/usr/bin/env bash
# Anonymity sweep (issue 3: "the identity never appears in any response,
# log line or export to a role without custodian rights"). An anonim report
# (web form) and a rahasia report (API) are filed with unique markers in
# every identity field (name, NIK, address, contact); officers work both
# cases (transitions, messages, tags, notes) so the outbox and a webhook
# receiver get events; then every non-custodian role fetches every case
# page, queue, API answer, export (CSV, and XLSX unzipped), dashboard and
# its exports, the audit page and API, the employee page, and the outbox
# (`wasdal outbox daftar`), the webhook bodies, the server's log and the
# CLI audit listing are read: no marker may appear anywhere. The custodian
# opening the rahasia identity does see them, through the same search, so
# the sweep can fail.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
F="$T_DIR/a.db"
DB="sqlite:$F"
FILES="$T_DIR/berkas"
SECRET=rahasia-uji-anonim-0123456789
export WASDAL_OUTBOX_BACKOFF_MS=200 WASDAL_OUTBOX_BACKOFF_CAP_MS=400
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
HOOK_PID=
trap '[ -n "$HOOK_PID" ] && kill "$HOOK_PID" 2>/dev/null; cleanup' EXIT

# Markers: a random tag per run in every identity field of both reports.
TAG=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
NIK_A="33020$(printf '%011d' $((0x${TAG:0:8} % 100000000000)))"
NIK_R="33740$(printf '%011d' $(((0x${TAG:4:8} + 7) % 100000000000)))"
declare -A MARK=(
	[nama_anonim]="Anonim Penanda $TAG" [nik_anonim]="$NIK_A"
	[alamat_anonim]="Jalan Anonim $TAG" [kontak_anonim]="anonim.$TAG@example.org"
	[nama_rahasia]="Rahasia Penanda $TAG" [nik_rahasia]="$NIK_R"
	[alamat_rahasia]="Jalan Rahasia $TAG" [kontak_rahasia]="rahasia.$TAG@example.org"
)
# markers_in FILE: the names of the markers found in FILE (empty = none)
markers_in() {
	local k found=""
	for k in "${!MARK[@]}"; do grep -qF -- "${MARK[$k]}" "$1" && found+=" $k"; done
	echo "$found"
}

W seed demo >"$T_DIR/seed.out" 2>&1; ok $? "seed demo"
PASS=$(sed -n 's/.*(kustodian): //p' "$T_DIR/seed.out")
pw() { awk -v u="$1" '$1 == u { print $2; exit }' "$T_DIR/seed.out"; }
echo "sandi-ppk-banyumas-2026" | W user add ppk.banyumas --role ppk --instansi 3302 --password-stdin \
	>/dev/null 2>&1; ok $? "a PPK of Banyumas, where the reports are scoped"
NIP=$(W export pegawai --instansi 3302 2>/dev/null | python3 -c '
import csv, sys
print(sorted(r["nip"] for r in csv.DictReader(sys.stdin) if r["status"] == "aktif")[0])')
check "an active Banyumas employee to report ($NIP)" test -n "$NIP"

HOOK_PORT=$(free_port)
mkdir -p "$T_DIR/hook"
python3 "$here/outbox_sink.py" webhook --port "$HOOK_PORT" --secret "$SECRET" --out "$T_DIR/hook" &
HOOK_PID=$!
for _ in $(seq 1 100); do [ -e "$T_DIR/hook/webhook.ready" ] && break; sleep 0.1; done
W webhook tambah "http://127.0.0.1:$HOOK_PORT/hook" --events 'kasus.*,wasdal.*' --secret "$SECRET" \
	>/dev/null 2>&1; ok $? "a webhook for every case event"

start_server "$DB" --files "$FILES"; ok $? "server starts"
TODAY=$(date -u -d '+7 hours' +%F)
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$T_DIR/bukti.pdf"

# ---- the two reports ----
st=$(curl -s -o "$T_DIR/done.html" -w '%{http_code}' -F konteks=pilkada -F "wilayah=Kabupaten Banyumas" \
	-F pelanggaran_kode=KE-4 -F "kejadian_tanggal=$TODAY" -F "terlapor_nip=$NIP" \
	-F "kronologi=Membagikan poster bakal calon di grup kantor pada jam kerja." -F pelapor_mode=anonim \
	-F "pelapor_nama=${MARK[nama_anonim]}" -F "pelapor_nik=${MARK[nik_anonim]}" \
	-F "pelapor_alamat=${MARK[alamat_anonim]}" -F "pelapor_kontak=${MARK[kontak_anonim]}" \
	-F "bukti=@$T_DIR/bukti.pdf" "$BASE/lapor")
check_eq "anonim report with identity fields filled is filed (201)" "$st" 201
NA=$(grep -oE 'id="nomor">NTR-[0-9]{4}-[0-9]{6}' "$T_DIR/done.html" | sed 's/.*>//')
check_eq "the reporter's own receipt page shows no identity" "$(markers_in "$T_DIR/done.html")" ""
body=$(python3 - "$NIP" "$TODAY" "${MARK[nama_rahasia]}" "${MARK[nik_rahasia]}" "${MARK[alamat_rahasia]}" \
	"${MARK[kontak_rahasia]}" <<'EOF'
import json, sys
nip, today, nama, nik, alamat, kontak = sys.argv[1:]
print(json.dumps({"konteks": "pemilu", "wilayah": "Kabupaten Banyumas", "pelanggaran_kode": "HD-8",
    "kejadian_tanggal": today, "kronologi": "Kepala bidang meminta guru memilih calon tertentu dalam rapat.",
    "terlapor_nip": nip, "tautan": ["https://example.org/bukti-rapat"], "pelapor_mode": "rahasia",
    "pelapor_nama": nama, "pelapor_nik": nik, "pelapor_alamat": alamat, "pelapor_kontak": kontak,
    "pelapor_jenis": "pemilih"}))
EOF
)
curl -s -o "$T_DIR/r.json" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "$body" \
	"$BASE/api/v1/laporan" >"$T_DIR/r.code"
check_eq "rahasia report filed by the API (201)" "$(cat "$T_DIR/r.code")" 201
NR=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["nomor"])' "$T_DIR/r.json")
RR=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["receipt"])' "$T_DIR/r.json")
check "both case numbers ($NA, $NR)" test -n "$NA" -a -n "$NR"
check_eq "the filing answer shows no identity" "$(markers_in "$T_DIR/r.json")" ""

# ---- officers work the cases: events for the outbox and the webhook ----
token_for() { W user token "$1" "e2e-$RANDOM" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1; }
T_BKN=$(token_for bkn)
T_CUST=$(token_for custodian)
jpost() { curl -s -o "$T_DIR/post" -w '%{http_code}' -H "Authorization: Bearer $1" \
	-H 'Content-Type: application/json' --data-binary "$3" "$BASE$2"; }
for n in "$NA" "$NR"; do
	check_eq "bkn verifies $n" "$(jpost "$T_BKN" "/api/v1/kasus/$n/pindah" '{"ke":"verifikasi_satgas"}')" 200
	check_eq "bkn forwards $n to Bawaslu" "$(jpost "$T_BKN" "/api/v1/kasus/$n/pindah" '{"ke":"kajian_bawaslu"}')" 200
	jpost "$T_BKN" "/api/v1/kasus/$n/tag" '{"tag":"sapu-anonim"}' >/dev/null
	jpost "$T_BKN" "/api/v1/kasus/$n/catatan" '{"teks":"Catatan internal uji anonimitas"}' >/dev/null
	jpost "$T_BKN" "/api/v1/laporan/$n/pesan" '{"isi":"Mohon kirim bukti tambahan."}' >/dev/null
done
curl -s -o /dev/null -H 'Content-Type: application/json' --data "{\"receipt\":\"$RR\",\"isi\":\"Baik, saya kirim.\"}" \
	"$BASE/api/v1/laporan/pantau/pesan"
W outbox pindai --hari "$(date -u -d '+7 hours +30 days' +%F)" >/dev/null 2>&1
ok $? "reminders and escalations scanned 30 days on"

# ---- the custodian sees the identity (the sweep's positive control) ----
code=$(jpost "$T_CUST" "/api/v1/laporan/$NR/identitas" \
	"{\"alasan\":\"Permintaan klarifikasi Bawaslu\",\"passphrase\":\"$PASS\"}")
check_eq "the custodian opens the rahasia identity" "$code" 200
cp "$T_DIR/post" "$T_DIR/custodian.json"
check_eq "and sees every rahasia marker (the search finds them)" \
	"$(markers_in "$T_DIR/custodian.json" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/^ *//; s/ *$//')" \
	"alamat_rahasia kontak_rahasia nama_rahasia nik_rahasia"
code=$(jpost "$T_CUST" "/api/v1/laporan/$NA/identitas" "{\"alasan\":\"uji\",\"passphrase\":\"$PASS\"}")
check_eq "an anonim report has no identity to open, even for the custodian" "$code" 400
check_eq "(and that answer holds no marker)" "$(markers_in "$T_DIR/post")" ""

# the outbox drained by the server delivers the webhooks
for _ in $(seq 1 100); do
	[ "$(W outbox daftar --state pending 2>/dev/null | grep -c 'webhook')" = 0 ] && break
	sleep 0.2
done
check "webhooks were delivered" test -s "$T_DIR/hook/hooks.log"
check_contains "with case events" "$(cat "$T_DIR/hook/hooks.log")" "kasus.tahap"

# ---- every non-custodian role fetches everything it can ----
ROLES="admin bkn bawaslu.jateng ppk.banyumas bkpsdm.banyumas auditor asn.banyumas pansel"
sweep() { # user: everything it is served, into $T_DIR/sweep-USER
	local u=$1 out="$T_DIR/sweep-$1" jar="$T_DIR/$1.jar" tok p a n t pass
	pass=$(pw "$u"); [ "$u" = ppk.banyumas ] && pass=sandi-ppk-banyumas-2026
	: >"$out"
	login "$jar" "$u" "$pass" >/dev/null
	tok=$(token_for "$u")
	get() { curl -s -b "$jar" "$BASE$1" >>"$out"; echo >>"$out"; }
	apiget() { curl -s -H "Authorization: Bearer $tok" "$BASE$1" >>"$out"; echo >>"$out"; }
	xlsx() { curl -s -b "$jar" -o "$T_DIR/x.xlsx" "$BASE$1"; unzip -p "$T_DIR/x.xlsx" >>"$out" 2>/dev/null; }
	for n in "$NA" "$NR"; do
		get "/kasus/$n"
		apiget "/api/v1/kasus/$n"
		apiget "/api/v1/laporan/$n"
		# every file the officer view lists
		for p in $(curl -s -H "Authorization: Bearer $tok" "$BASE/api/v1/laporan/$n" |
			python3 -c 'import json,sys; [print(b["unduh"]) for b in json.load(sys.stdin).get("bukti", [])]' 2>/dev/null); do
			apiget "$p"
		done
	done
	for a in saya terlambat segera ditugaskan semua; do
		get "/kasus?antrian=$a"
		apiget "/api/v1/kasus?antrian=$a&limit=1000"
	done
	# the exports of 'semua', the widest queue (the others are narrower
	# filters with the same columns)
	get "/kasus/ekspor.csv?antrian=semua"
	xlsx "/kasus/ekspor.xlsx?antrian=semua"
	get /dasbor
	for t in tahap peran median durasi pelanggaran wilayah instansi sanksi; do
		get "/dasbor/ekspor/$t.csv"
	done
	xlsx /dasbor/ekspor/instansi.xlsx
	xlsx /dasbor/ekspor/pelanggaran.xlsx
	get /audit
	apiget "/api/v1/audit?limit=1000"
	apiget "/api/v1/audit?from_seq=1&limit=1000"
	get "/pegawai/$NIP"
	apiget "/api/v1/pegawai/$NIP"
	get /statistik
	apiget /api/v1/statistik
	get /
}
for u in $ROLES; do
	sweep "$u"
	check "$u: the sweep fetched something" test "$(wc -c <"$T_DIR/sweep-$u")" -gt 2000
	check_eq "$u: no identity marker in any page, API answer or export" "$(markers_in "$T_DIR/sweep-$u")" ""
done
check_contains "the officers' sweep did include the cases (bkn)" "$(cat "$T_DIR/sweep-bkn")" "$NR"
check_contains "and the evidence file (bkn)" "$(cat "$T_DIR/sweep-bkn")" "%PDF-1.4"
check_contains "and the case list export (bkn)" "$(cat "$T_DIR/sweep-bkn")" "Filter: Antrian"
check_contains "and the case page of a scoped officer (ppk.banyumas)" "$(cat "$T_DIR/sweep-ppk.banyumas")" "$NA"
check_contains "and the reporter's answer (bkn)" "$(cat "$T_DIR/sweep-bkn")" "Baik, saya kirim."
check_contains "the sweep read the audit trail (admin)" "$(cat "$T_DIR/sweep-admin")" "laporan.identitas_dibuka"

# ---- outbox, webhooks, the log, the CLI ----
W outbox daftar >"$T_DIR/outbox.txt" 2>&1
check_contains "outbox daftar lists the case events" "$(cat "$T_DIR/outbox.txt")" "kasus.tahap"
check_eq "no identity marker in the outbox" "$(markers_in "$T_DIR/outbox.txt")" ""
check_eq "none in the webhook bodies received" "$(markers_in "$T_DIR/hook/hooks.log")" ""
W audit verify >"$T_DIR/cli-audit.txt" 2>&1
check_eq "none in the CLI audit output" "$(markers_in "$T_DIR/cli-audit.txt")" ""
stop_server
check_eq "none in the server's stdout/stderr log" "$(markers_in "$T_DIR/server.log")" ""
check "(the log is not empty)" test -s "$T_DIR/server.log"
sqlite3 "$F" .dump >"$T_DIR/dump.sql"
check_eq "none in the database in the clear" "$(markers_in "$T_DIR/dump.sql")" ""
check_eq "none in the evidence files" "$(cat "$FILES"/* | grep -cF "$TAG")" 0
tap_done
