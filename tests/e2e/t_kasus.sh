#!/usr/bin/env bash
# The neutrality case workflow over HTTP through every role: BKN
# verification (with a return to the reporter that pauses the clock), the
# Bawaslu study with its extension, the recommendation, the PPK follow-up
# with a sanction lighter than recommended; the path where the PPK does not
# act (peringatan -> teguran -> blokir data on the employee, personnel
# writes refused, lifted when the PPK follows up, both audited); a repeat
# offence flagged; queues, tags, notes, assignment; and scope isolation
# (a kab/kota Bawaslu never sees another kab/kota's case). The server runs
# on a fixed day (WASDAL_TEST_TODAY, Friday 13 March 2026) so the due dates
# cross the Nyepi/Idul Fitri cuti bersama block.
. "$(dirname "$0")/lib.sh"
export WASDAL_DB="sqlite:$T_DIR/kasus.db"
export WASDAL_TEST_TODAY=2026-03-13
W() { "$WASDAL_BIN" "$@"; }

W migrate >/dev/null 2>&1; check_eq "migrate" $? 0
W seed demo >"$T_DIR/seed.out" 2>&1; check_eq "seed demo (with demo cases)" $? 0
W seed demo >/dev/null 2>&1; check_eq "second seed is a no-op" $? 0
echo "sandi-uji-bawaslu-1" | W user add bawaslu.banyumas --role bawaslu --instansi 3302 \
	--password-stdin >/dev/null 2>&1
check_eq "a kab/kota Bawaslu account (Banyumas)" $? 0
token_for() { W user token "$1" "e2e-$RANDOM" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1; }
T_BKN=$(token_for bkn)
T_BAW=$(token_for bawaslu.jateng)
T_BAW_KAB=$(token_for bawaslu.banyumas)
T_PPK=$(token_for ppk.semarang)
T_ADMIN=$(token_for admin)
T_AUD=$(token_for auditor)
check "tokens for bkn, bawaslu, ppk, admin" test -n "$T_BKN" -a -n "$T_BAW" -a -n "$T_PPK" -a -n "$T_ADMIN"

start_server() {
	PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	"$WASDAL_BIN" serve --listen "127.0.0.1:$PORT" >>"$T_DIR/serve.log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 100); do
		curl -sf "$BASE/api/v1/health" >/dev/null 2>&1 && break
		sleep 0.1
	done
}
start_server

api() { # METHOD PATH TOKEN [JSON]: sets STATUS and BODY
	local m=$1 p=$2 tok=$3 body=${4:-}
	local args=(-s -o "$T_DIR/body" -w '%{http_code}' -X "$m" -H "Authorization: Bearer $tok")
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
	STATUS=$(curl "${args[@]}" "$BASE$p")
	BODY=$(cat "$T_DIR/body")
}
js() { python3 -c 'import json,sys; d=json.load(sys.stdin); v=eval(sys.argv[1]); print(json.dumps(v) if isinstance(v,(dict,list,bool)) or v is None else v)' "$1" <<<"$BODY" 2>/dev/null; }
pindah() { # TOKEN NOMOR KE [ISIAN-JSON]
	api POST "/api/v1/kasus/$2/pindah" "$1" "{\"ke\":\"$3\",\"isian\":${4:-{\}}}"
}

# ---- the demo cases ----
api GET "/api/v1/kasus?antrian=semua" "$T_BKN"
check_eq "BKN lists every case" "$STATUS" 200
pick() { js "[i['nomor'] for i in d['items'] if $1][0]"; }
K=$(pick "i['tahap'] == 'diterima' and i['instansi'] == 'Pemerintah Kota Semarang'")
K1=$(pick "i['tahap'] == 'diterima' and i['instansi'] != 'Pemerintah Kota Semarang'")
KR=$(pick "i['tahap'] == 'tindak_lanjut_ppk' and i['pelanggaran_kode'] == 'KE-2'")
check "demo cases found ($K, $K1, $KR)" test -n "$K" -a -n "$K1" -a -n "$KR"
check_eq "BKN (national) also sees the case with no instansi yet" \
	"$(js "len([i for i in d['items'] if i['tahap'] == 'menunggu_pelapor'])")" 1

# ---- scope: a kab/kota Bawaslu never sees another kab/kota's case ----
api GET "/api/v1/kasus/$K" "$T_BAW_KAB"
check_eq "Bawaslu Banyumas: a Kota Semarang case is 404" "$STATUS" 404
api GET "/api/v1/kasus?antrian=semua" "$T_BAW_KAB"
check_not_contains "Bawaslu Banyumas: not in its lists" "$BODY" "$K"
check_not_contains "Bawaslu Banyumas: no case without instansi" "$BODY" "menunggu_pelapor"
pindah "$T_BAW_KAB" "$K" verifikasi_satgas
check_eq "Bawaslu Banyumas cannot move it either (404)" "$STATUS" 404
api GET "/api/v1/kasus/$K" "$T_BAW"
check_eq "Bawaslu Jawa Tengah (province) sees it" "$STATUS" 200

# ---- BKN verification, with a return to the reporter ----
api GET "/api/v1/kasus/$K" "$T_BKN"
check_contains "BKN is offered the verification" "$(js "[t['ke'] for t in d['transisi']]")" "verifikasi_satgas"
pindah "$T_BKN" "$K" menunggu_pelapor
check_eq "returning to the reporter needs kekurangan" "$STATUS" 400
check_contains "the error names the field" "$BODY" '"kekurangan"'
pindah "$T_BKN" "$K" menunggu_pelapor '{"kekurangan":"bukti"}'
check_eq "returned to the reporter" "$STATUS" 200
api GET "/api/v1/kasus/$K" "$T_BKN"
check_eq "the case waits on the reporter" "$(js "d['tahap']")" menunggu_pelapor
check_eq "kekurangan recorded" "$(js "d['kekurangan']")" bukti
pindah "$T_BKN" "$K" diterima
check_eq "the reporter completed it" "$STATUS" 200
pindah "$T_BAW" "$K" verifikasi_satgas
check_eq "Bawaslu may not verify (role)" "$STATUS" 403
pindah "$T_BKN" "$K" verifikasi_satgas
check_eq "BKN starts the verification" "$STATUS" 200
check_eq "verification: 7 calendar days -> Friday 20 March" "$(js "d['tenggat']")" 2026-03-20

# ---- Bawaslu study (Pilkada: 3 days + 2 with the extension) ----
pindah "$T_BKN" "$K" kajian_bawaslu
check_eq "forwarded to Bawaslu" "$STATUS" 200
check_eq "Pilkada study: 3 days -> 16 March" "$(js "d['tenggat']")" 2026-03-16
api GET "/api/v1/kasus/$K" "$T_BAW"
check_eq "the due date carries its legal basis" "$(js "d['tenggat']['dasar_hukum']")" "UU 1/2015 Pasal 134 ayat (5)-(6)"
check_eq "and its grade" "$(js "d['tenggat']['grade']")" A
check_eq "extension is open" "$(js "d['tenggat']['bisa_diperpanjang']")" true
api GET "/api/v1/kasus?antrian=saya" "$T_BAW"
check_contains "the case is in Bawaslu's 'menunggu tindakan saya'" "$BODY" "$K"
api GET "/api/v1/kasus?antrian=saya" "$T_PPK"
check_not_contains "not in the PPK's" "$BODY" "$K"
api POST "/api/v1/kasus/$K/perpanjang" "$T_BKN" '{"alasan":"x"}'
check_eq "BKN may not extend Bawaslu's stage" "$STATUS" 403
api POST "/api/v1/kasus/$K/perpanjang" "$T_BAW" '{"alasan":"Perlu keterangan saksi tambahan"}'
check_eq "Bawaslu extends the study" "$STATUS" 200
api POST "/api/v1/kasus/$K/perpanjang" "$T_BAW" '{"alasan":"lagi"}'
check_eq "only once" "$STATUS" 400
api GET "/api/v1/kasus/$K" "$T_BAW"
check_eq "extended due date 18 March" "$(js "d['tenggat']['jatuh_tempo']")" 2026-03-18
pindah "$T_BAW" "$K" rekomendasi_bkn '{"hasil_kajian":"Terbukti"}'
check_eq "the finding must name the violation" "$STATUS" 400
pindah "$T_BAW" "$K" rekomendasi_bkn '{"hasil_kajian":"Terbukti","jenis_pelanggaran":"XX-9"}'
check_eq "a violation outside the catalogue is refused" "$STATUS" 400
pindah "$T_BAW" "$K" rekomendasi_bkn '{"hasil_kajian":"Terbukti hadir dan berorasi","jenis_pelanggaran":"KE-3"}'
check_eq "Bawaslu forwards its finding to BKN" "$STATUS" 200

# ---- recommendation to the PPK: 14 working days across cuti bersama ----
pindah "$T_BKN" "$K" tindak_lanjut_ppk '{"jenis_pelanggaran":"KE-3","tingkat_sanksi":"sedang"}'
check_eq "the recommendation must carry its number" "$STATUS" 400
pindah "$T_BKN" "$K" tindak_lanjut_ppk '{"jenis_pelanggaran":"KE-3","tingkat_sanksi":"sangat","nomor_rekomendasi":"R/1"}'
check_eq "an unknown sanction level is refused" "$STATUS" 400
pindah "$T_BKN" "$K" tindak_lanjut_ppk '{"jenis_pelanggaran":"KE-3","tingkat_sanksi":"sedang","nomor_rekomendasi":"R-001/2026"}'
check_eq "BKN recommends a sanction class to the PPK" "$STATUS" 200
check_eq "PPK deadline: 14 working days from Fri 13 March -> Fri 10 April" "$(js "d['tenggat']")" 2026-04-10
api GET "/api/v1/kasus?antrian=saya" "$T_PPK"
check_contains "now in the PPK's queue" "$BODY" "$K"
api POST "/api/v1/kasus/$K/tag" "$T_BKN" '{"tag":"prioritas"}'
check_eq "tag" "$STATUS" 200
api POST "/api/v1/kasus/$K/tag" "$T_BKN" '{"tag":"Bad Tag"}'
check_eq "bad tag refused" "$STATUS" 400
api GET "/api/v1/kasus?antrian=semua&tag=prioritas" "$T_BKN"
check_eq "tag filter" "$(js "[i['nomor'] for i in d['items']]")" "[\"$K\"]"
api POST "/api/v1/kasus/$K/catatan" "$T_BKN" '{"teks":"PPK sudah dihubungi lewat telepon"}'
check_eq "internal note" "$STATUS" 200
api POST "/api/v1/kasus/$K/tugaskan" "$T_BKN" '{"petugas":"bkn"}'
check_eq "assigned to an officer" "$STATUS" 200
api POST "/api/v1/kasus/$K/tugaskan" "$T_BKN" '{"petugas":"bawaslu.banyumas"}'
check_eq "an officer outside the case's scope cannot be assigned" "$STATUS" 400
api GET "/api/v1/kasus?antrian=ditugaskan" "$T_BKN"
check_contains "in BKN's assigned queue" "$BODY" "$K"

# ---- the PPK follows up with a lighter sanction ----
api GET "/api/v1/kasus/$K" "$T_PPK"
check_contains "PPK is offered 'selesai'" "$(js "[t['ke'] for t in d['transisi']]")" "selesai"
check_contains "with the SK fields required" "$(js "[t['wajib'] for t in d['transisi'] if t['ke']=='selesai'][0]")" "nomor_sk"
pindah "$T_PPK" "$K" selesai '{"jenis_hukuman":"ringan_b","nomor_sk":"800/15/2026"}'
check_eq "the SK date is required" "$STATUS" 400
pindah "$T_PPK" "$K" selesai '{"jenis_hukuman":"hukuman_mati","nomor_sk":"800/15/2026","tanggal_sk":"2026-03-30"}'
check_eq "a sanction type outside PP 94/2021 is refused" "$STATUS" 400
pindah "$T_PPK" "$K" selesai '{"jenis_hukuman":"ringan_b","nomor_sk":"800/15/2026","tanggal_sk":"2026-03-30"}'
check_eq "the PPK records the sanction" "$STATUS" 200
check_eq "flagged: lighter than recommended" "$(js "d['sanksi_lebih_ringan']")" true
api GET "/api/v1/kasus/$K" "$T_AUD"
check_eq "auditor reads the closed case" "$STATUS" 200
check_eq "sanction listed with its SK" "$(js "d['sanksi'][0]['nomor_sk']")" 800/15/2026
check_eq "history has every step" "$(js "len(d['riwayat'])")" 8
check_eq "no transitions after the end" "$(js "d['transisi']")" "[]"
check_eq "the internal note is in the officer view" "$(js "d['catatan_internal'][0]['teks']")" "PPK sudah dihubungi lewat telepon"

# ---- the PPK does not act: peringatan -> teguran -> blokir -> lifted ----
api GET "/api/v1/kasus/$K1" "$T_BKN"
NIP1=$(js "d['terlapor']['nip']")
pindah "$T_BKN" "$K1" verifikasi_satgas && pindah "$T_BKN" "$K1" kajian_bawaslu
pindah "$T_BAW" "$K1" rekomendasi_bkn '{"hasil_kajian":"Terbukti","jenis_pelanggaran":"KE-4"}'
pindah "$T_BKN" "$K1" tindak_lanjut_ppk '{"jenis_pelanggaran":"KE-4","tingkat_sanksi":"moral","nomor_rekomendasi":"R-002/2026"}'
check_eq "second case reaches the PPK" "$STATUS" 200
pindah "$T_BKN" "$K1" pengendalian_peringatan
check_eq "BKN: peringatan" "$STATUS" 200
pindah "$T_BKN" "$K1" pengendalian_teguran
check_eq "BKN: teguran" "$STATUS" 200
pindah "$T_BKN" "$K1" blokir_data
check_eq "BKN: blokir data" "$STATUS" 200
check_eq "the block was set" "$(js "d['blokir']")" dipasang
api GET "/api/v1/pegawai/$NIP1" "$T_ADMIN"
check_eq "the employee is blocked" "$(js "d['blokir']")" true
check_contains "with the case number as the reason" "$(js "d['blokir_alasan']")" "$K1"
api PUT "/api/v1/pegawai/$NIP1" "$T_ADMIN" '{"nama":"Nama Baru"}'
check_eq "personnel writes fail while blocked (423)" "$STATUS" 423
pindah "$T_PPK" "$K1" selesai '{"jenis_hukuman":"moral_tertutup","nomor_sk":"800/16/2026","tanggal_sk":"2026-04-01"}'
check_eq "a PPK of another kab/kota cannot close it (404)" "$STATUS" 404
pindah "$T_ADMIN" "$K1" selesai '{"jenis_hukuman":"moral_tertutup","nomor_sk":"800/16/2026","tanggal_sk":"2026-04-01"}'
check_eq "the follow-up is recorded" "$STATUS" 200
check_eq "the block is lifted" "$(js "d['blokir']")" dicabut
api GET "/api/v1/pegawai/$NIP1" "$T_ADMIN"
check_eq "the employee is no longer blocked" "$(js "d['blokir']")" false
api GET "/api/v1/pegawai/$NIP1/audit" "$T_ADMIN"
check_contains "blocking is an audit record" "$(js "[r['action'] for r in d['items']]")" '"blokir"'
check_contains "lifting is an audit record" "$(js "[r['action'] for r in d['items']]")" '"buka_blokir"'

# ---- repeat offence ----
pindah "$T_BKN" "$KR" selesai '{"jenis_hukuman":"moral_tertutup","nomor_sk":"800/17/2026","tanggal_sk":"2026-04-02"}'
check_eq "a repeat offender's sanction is recorded" "$STATUS" 200
check_eq "flagged: repeat offence not heavier" "$(js "d['sanksi_berulang_tidak_lebih_berat']")" true
check_eq "not lighter than recommended (moral)" "$(js "d['sanksi_lebih_ringan']")" false

# ---- the web pages (no JavaScript): queue, case page, a transition with
# an attached BAP, a refused one, scope ----
KB=$(curl -s -H "Authorization: Bearer $T_BKN" "$BASE/api/v1/kasus?antrian=semua" |
	python3 -c 'import json,sys; print([i["nomor"] for i in json.load(sys.stdin)["items"] if i["tahap"] == "kajian_bawaslu" and "Yogyakarta" not in i["instansi"]][0])')
JAR="$T_DIR/jar"
wlogin() { # user password
	rm -f "$JAR"
	curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
		--data-urlencode "username=$1" --data-urlencode "password=$2" "$BASE/login"
}
pw() { awk -v u="$1" '$1 == u { print $2; exit }' "$T_DIR/seed.out"; }
check_eq "web login as Bawaslu Jawa Tengah" "$(wlogin bawaslu.jateng "$(pw bawaslu.jateng)")" 303
PAGE=$(curl -s -b "$JAR" "$BASE/kasus")
check_contains "queue page lists the study case" "$PAGE" "$KB"
check_contains "queue page is 'menunggu tindakan saya'" "$PAGE" "Menunggu tindakan saya"
check_contains "queue page links the workflow page" "$PAGE" 'href="/alur"'
PAGE=$(curl -s -b "$JAR" "$BASE/kasus/$KB")
check_contains "case page shows the legal basis of the deadline" "$PAGE" "UU 7/2017 Pasal 454"
check_contains "case page offers the recommendation form" "$PAGE" 'value="rekomendasi_bkn"'
check_contains "with its required field labelled" "$PAGE" 'for="t0-hasil_kajian"'
check_contains "posting to the case's transition address" "$PAGE" "action=\"/kasus/$KB/pindah\""
CSRF=$(printf '%s' "$PAGE" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$T_DIR/bap.pdf"
code=$(curl -s -o "$T_DIR/post" -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F ke=rekomendasi_bkn \
	-F hasil_kajian=Terbukti "$BASE/kasus/$KB/pindah")
check_eq "a form without the violation is refused (422)" "$code" 422
check_contains "the page says which field" "$(cat "$T_DIR/post")" "jenis_pelanggaran"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F ke=rekomendasi_bkn -F hasil_kajian=x \
	-F jenis_pelanggaran=KE-2 "$BASE/kasus/$KB/pindah")
check_eq "a form without the CSRF token is refused" "$code" 403
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F ke=rekomendasi_bkn \
	-F "hasil_kajian=Terbukti mengunggah video" -F jenis_pelanggaran=KE-2 \
	-F "lampiran=@$T_DIR/bap.pdf;filename=BAP-klarifikasi.pdf" "$BASE/kasus/$KB/pindah")
check_eq "the transition with an attached BAP is saved (303)" "$code" 303
api GET "/api/v1/kasus/$KB" "$T_BKN"
check_eq "the case moved" "$(js "d['tahap']")" rekomendasi_bkn
check_eq "the BAP is in the history" "$(js "d['riwayat'][-1]['lampiran'][0]['nama']")" BAP-klarifikasi.pdf
check_eq "stored as a PDF by content" "$(js "d['riwayat'][-1]['lampiran'][0]['mime']")" application/pdf
PAGE=$(curl -s -b "$JAR" "$BASE/kasus/$KB")
check_contains "the page lists the attachment among the files" "$PAGE" "BAP-klarifikasi.pdf"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "teks=Catatan dari web" "$BASE/kasus/$KB/catatan")
check_eq "an internal note from the web form" "$code" 303
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "isi=Mohon kirim video aslinya" "$BASE/kasus/$KB/pesan")
check_eq "a message to the reporter from the case page" "$code" 303
PAGE=$(curl -s -b "$JAR" "$BASE/kasus/$KB")
check_contains "the message is in the conversation" "$PAGE" "Mohon kirim video aslinya"
check_contains "the internal note is in its own section" "$PAGE" "Catatan dari web"
check_eq "web login as Bawaslu Banyumas" "$(wlogin bawaslu.banyumas sandi-uji-bawaslu-1)" 303
check_eq "Bawaslu Banyumas: Kota Semarang case page is 404" "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE/kasus/$K")" 404
check_not_contains "Bawaslu Banyumas: not in its web queue" "$(curl -s -b "$JAR" "$BASE/kasus?antrian=semua")" "$K"
check_eq "web login as PPK Kota Semarang" "$(wlogin ppk.semarang "$(pw ppk.semarang)")" 303
NIPK=$(curl -s -H "Authorization: Bearer $T_BKN" "$BASE/api/v1/kasus/$K" | python3 -c 'import json,sys; print(json.load(sys.stdin)["terlapor"]["nip"])')
PAGE=$(curl -s -b "$JAR" "$BASE/pegawai/$NIPK")
check_contains "the employee page lists their case" "$PAGE" "$K"
check_contains "and the sanction imposed" "$PAGE" "ringan_b"

# ---- overdue queue: the same data later in the year ----
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
export WASDAL_TEST_TODAY=2026-12-31
start_server
api GET "/api/v1/kasus?antrian=terlambat" "$T_BKN"
check_eq "overdue queue" "$STATUS" 200
check_contains "the demo case still with its PPK is overdue" "$(js "[i['tahap'] for i in d['items']]")" tindak_lanjut_ppk
check_eq "every listed case is overdue" "$(js "all(i['status_tenggat'] == 'terlambat' for i in d['items'])")" true
api GET "/api/v1/kasus?antrian=xyz" "$T_BKN"
check_eq "unknown queue is 400" "$STATUS" 400

# ---- the workflow definition as versioned data ----
out=$(W alur daftar 2>&1)
check_contains "the seed is version 1" "$out" "aktif: versi 1"
mkdir -p "$T_DIR/alur"
W alur ekspor "$T_DIR/alur" >/dev/null 2>&1; check_eq "export the active definition" $? 0
sed -i 's/^tindak_lanjut_ppk,\(.*\),ppk,\*,14,/tindak_lanjut_ppk,\1,ppk,*,10,/' "$T_DIR/alur/tahapan.csv"
check_contains "edited: the PPK gets 10 working days" "$(grep '^tindak_lanjut_ppk' "$T_DIR/alur/tahapan.csv")" ",ppk,*,10,hari_kerja"
W alur terbit "$T_DIR/alur/tahapan.csv" "$T_DIR/alur/transisi.csv" --actor bkn >/dev/null 2>&1
check_eq "only an admin may publish" $? 1
printf 'dari,ke,peran\nditerima,hilang,bkn\n' >"$T_DIR/bad.csv"
out=$(W alur terbit "$T_DIR/alur/tahapan.csv" "$T_DIR/bad.csv" 2>&1); rc=$?
check_eq "a broken definition is refused whole (exit 1)" $rc 1
check_contains "naming the problem" "$out" "hilang"
out=$(W alur terbit "$T_DIR/alur/tahapan.csv" "$T_DIR/alur/transisi.csv" --catatan "PPK 10 hari kerja" 2>&1)
check_contains "published as version 2 (the seed kept as 1)" "$out" "versi 2"
out=$(W alur daftar 2>&1)
check_contains "both versions are listed" "$out" "PPK 10 hari kerja"
mkdir -p "$T_DIR/v1"
W alur ekspor "$T_DIR/v1" --versi 1 >/dev/null 2>&1
check_contains "version 1 still exports with 14 days" "$(grep '^tindak_lanjut_ppk' "$T_DIR/v1/tahapan.csv")" ",ppk,*,14,hari_kerja"
api GET "/api/v1/kasus/$K" "$T_BKN"
check_eq "cases read the active version" "$(js "d['workflow_versi']")" 2
# the same through the page /alur
check_eq "web login as admin" "$(wlogin admin "$(pw admin)")" 303
PAGE=$(curl -s -b "$JAR" "$BASE/alur")
check_contains "/alur shows the active version" "$PAGE" "versi aktif 2"
check_contains "with each stage's legal basis" "$PAGE" "UU 7/2017 Pasal 454"
check_contains "and the version list" "$PAGE" "PPK 10 hari kerja"
check_contains "v1 export from the page keeps 14 days" \
	"$(curl -s -b "$JAR" "$BASE/alur/ekspor?versi=1&berkas=tahapan" | grep '^tindak_lanjut_ppk')" ",ppk,*,14,hari_kerja"
CSRF=$(curl -s -b "$JAR" "$BASE/alur" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
code=$(curl -s -o "$T_DIR/post" -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" \
	-F "tahapan=@$T_DIR/v1/tahapan.csv" -F "transisi=@$T_DIR/bad.csv" "$BASE/alur")
check_eq "the page refuses a broken definition (422)" "$code" 422
check_contains "naming the problem" "$(cat "$T_DIR/post")" "hilang"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F "catatan=kembali ke 14 hari" \
	-F "tahapan=@$T_DIR/v1/tahapan.csv" -F "transisi=@$T_DIR/v1/transisi.csv" "$BASE/alur")
check_eq "the admin publishes version 3 from the page" "$code" 303
check_contains "version 3 is active" "$(curl -s -b "$JAR" "$BASE/alur")" "versi aktif 3"
check_eq "web login as BKN" "$(wlogin bkn "$(pw bkn)")" 303
check_eq "BKN reads /alur" "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE/alur")" 200
CSRF=$(curl -s -b "$JAR" "$BASE/alur" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" \
	-F "tahapan=@$T_DIR/v1/tahapan.csv" -F "transisi=@$T_DIR/v1/transisi.csv" "$BASE/alur")
check_eq "BKN may not publish (403)" "$code" 403
W audit verify >/dev/null 2>&1
check_eq "the audit chain verifies" $? 0
tap_done
