#!/usr/bin/env bash
# Deadline reminders and escalations of neutrality cases through the outbox,
# on the demo data: the stage owner's accounts in the case's scope (with an
# e-mail address) are told N working days before the due day, escalation
# adds BKN after it; each fires once; webhooks get kasus.pengingat and
# kasus.terlambat; no names of the reported employee or the reporter leave
# in a notification. Cases are moved to a stage with SQL here (the case
# workflow is another area's).
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
W=$WASDAL_BIN
DBF="$T_DIR/w.db"
export WASDAL_DB="sqlite:$DBF"
SECRET=rahasia-pengingat-0123456789
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; cleanup' EXIT
wait_file() { local i=0; while [ ! -e "$1" ] && [ $i -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done; [ -e "$1" ]; }
SMTP_PORT=$(free_port)
HOOK_PORT=$(free_port)
mkdir -p "$T_DIR/mail" "$T_DIR/hook"
python3 "$here/outbox_sink.py" smtp --port "$SMTP_PORT" --out "$T_DIR/mail" & PIDS+=($!)
python3 "$here/outbox_sink.py" webhook --port "$HOOK_PORT" --secret "$SECRET" --out "$T_DIR/hook" & PIDS+=($!)
wait_file "$T_DIR/mail/smtp.ready" 50 && wait_file "$T_DIR/hook/webhook.ready" 50
ok $? "SMTP sink and webhook receiver listen"
export WASDAL_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" WASDAL_SMTP_FROM="notifikasi@bkn.go.id"

"$W" migrate >/dev/null 2>&1 && "$W" seed demo >/dev/null 2>&1
ok $? "migrate and seed demo"
echo "sandi-ppk-banyumas-2026" | "$W" user add ppk.banyumas --role ppk --instansi 3302 --password-stdin >/dev/null 2>&1
ok $? "a PPK account for Banyumas"
for u in "ppk.banyumas ppk@banyumaskab.go.id" "ppk.semarang ppk@semarangkota.go.id" \
	"bkn satgas@bkn.go.id" "bawaslu.jateng jateng@bawaslu.go.id"; do
	set -- $u
	"$W" user email "$1" "$2" >/dev/null 2>&1; ok $? "user email $1"
done
check "user email refuses a bad address" test "$("$W" user email bkn 'x y@z' >/dev/null 2>&1; echo $?)" = 2
"$W" webhook tambah "http://127.0.0.1:$HOOK_PORT/hook" --events 'kasus.*' --secret "$SECRET" >/dev/null 2>&1
ok $? "webhook subscription to kasus.*"

sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print('\n'.join('|'.join(str(x) for x in row) for row in r))" "$DBF" "$1"; }
day() { python3 -c "import datetime,sys; print((datetime.date.fromisoformat(sys.argv[1]) - datetime.date(1970,1,1)).days)" "$1"; }
# case 1 (Banyumas): PPK follow-up due Wed 25 Nov 2026; case 2 (no instansi):
# Bawaslu study due Tue 24 Nov 2026
sql "UPDATE kasus SET tahap = 'tindak_lanjut_ppk', tahap_sejak_ms = 1795000000000, tenggat_hari = $(day 2026-11-25) WHERE id = 1" >/dev/null
sql "UPDATE kasus SET tahap = 'kajian_bawaslu', tahap_sejak_ms = 1795000000000, tenggat_hari = $(day 2026-11-24) WHERE id = 2" >/dev/null
nomor1=$(sql "SELECT nomor FROM kasus WHERE id = 1")
terlapor1=$(sql "SELECT terlapor_nama FROM kasus WHERE id = 1")

out=$("$W" outbox pindai --hari 2026-11-17 2>&1)
check_contains "6 working days before: nothing yet" "$out" ": 0"
out=$("$W" outbox pindai --hari 2026-11-18 2>&1)
check_contains "5 working days before the PPK deadline: e-mail + webhook" "$out" ": 2"
out=$("$W" outbox pindai --hari 2026-11-18 2>&1)
check_contains "a second scan the same day queues nothing" "$out" ": 0"
out=$("$W" outbox pindai --hari 2026-11-19 2>&1)
check_contains "next day: only the Bawaslu case, 3 working days before (webhook only: no national Bawaslu e-mail)" "$out" ": 1"
list=$("$W" outbox daftar --state pending 2>&1)
check_contains "the PPK of Banyumas is reminded" "$list" "ppk@banyumaskab.go.id  kasus.pengingat"
check_not_contains "the PPK of Semarang (out of scope) is not" "$list" "semarangkota"
out=$("$W" outbox pindai --hari 2026-11-20 2>&1)
check_contains "the day after: nothing new (same rules)" "$out" ": 0"
check_not_contains "Bawaslu Jawa Tengah is not told of a case without instansi" "$("$W" outbox daftar 2>&1)" "jateng@bawaslu.go.id"
out=$("$W" outbox pindai --hari 2026-11-26 2>&1)
# case 1: PPK + BKN e-mails + webhook; case 2: BKN e-mail + webhook
check_contains "the day after: escalations to the owner and BKN" "$out" ": 5"
list=$("$W" outbox daftar --state pending 2>&1)
check_eq "BKN gets two escalations" "$(printf '%s\n' "$list" | grep -c 'satgas@bkn.go.id  kasus.terlambat')" 2
out=$("$W" outbox pindai --hari 2026-11-27 2>&1)
check_contains "escalations fire once" "$out" ": 0"

out=$("$W" outbox kirim 2>&1)
check_contains "all delivered" "$out" "terkirim 8, dicoba lagi nanti 0, gagal permanen 0"
python3 - "$T_DIR/mail" "$nomor1" "$terlapor1" >"$T_DIR/mails.txt" <<'EOF'
import email, email.policy, glob, sys
for f in sorted(glob.glob(sys.argv[1] + "/mail-*.eml")):
    m = email.message_from_binary_file(open(f, "rb"), policy=email.policy.default)
    body = m.get_content()
    print("%s|%s|%s|%s" % (m["To"], m["Subject"], sys.argv[2] in body, sys.argv[3] in body or sys.argv[3] in str(m["Subject"])))
EOF
mails=$(cat "$T_DIR/mails.txt")
check_contains "reminder subject names the case and stage" "$mails" "ppk@banyumaskab.go.id|[Wasdal] Pengingat: kasus $nomor1 tahap Tindak lanjut PPK jatuh tempo 2026-11-25|True"
check_contains "escalation subject" "$mails" "satgas@bkn.go.id|[Wasdal] Terlambat: kasus $nomor1 melewati tenggat tahap Tindak lanjut PPK (2026-11-25)|True"
check_not_contains "no notification names the reported employee" "$mails" "|True|True"
check_eq "4 e-mails" "$(wc -l <"$T_DIR/mails.txt")" 4
hooks=$(python3 -c "
import json
for l in open('$T_DIR/hook/hooks.log'):
    r = json.loads(l); b = r['body']
    print(r['valid'], r['event'], b['data']['nomor'], b['data']['tahap'], b['data'].get('hari_kerja_tersisa', b['data'].get('hari_kerja_terlambat')))
")
check_contains "webhook: signed reminder with working days left" "$hooks" "True kasus.pengingat $nomor1 tindak_lanjut_ppk 5"
check_contains "webhook: signed escalation" "$hooks" "True kasus.terlambat $nomor1 tindak_lanjut_ppk 1"
check_not_contains "webhook payloads carry no names" "$(cat "$T_DIR/hook/hooks.log")" "$terlapor1"
# a new stage entry is a new deadline: reminders fire again
sql "UPDATE kasus SET tahap = 'pengendalian_peringatan', tahap_sejak_ms = 1795900000000, tenggat_hari = $(day 2026-12-16) WHERE id = 1" >/dev/null
out=$("$W" outbox pindai --hari 2026-12-11 2>&1)
check_contains "the next stage is reminded afresh (BKN owns it)" "$out" ": 2"
out=$("$W" outbox pindai 2>&1); ok $? "a scan of today runs"
check "non-admins may not scan" test "$("$W" outbox pindai --actor ppk.banyumas >/dev/null 2>&1; echo $?)" = 1
check "a bad day is a usage error" test "$("$W" outbox pindai --hari 2026-13-01 >/dev/null 2>&1; echo $?)" = 2
tap_done
