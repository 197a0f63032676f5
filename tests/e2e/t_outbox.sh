#!/usr/bin/env bash
# The outbox against real peers on 127.0.0.1: a local SMTP sink and a
# webhook receiver that verifies signatures (tests/e2e/outbox_sink.py).
# Delivered e-mail is proper MIME; webhooks are signed; a receiver that is
# down gets the message later; a server killed with SIGKILL mid-send loses
# nothing (sent at least once, marked once); permanent failures are listed
# and can be requeued; every admin change is in the audit chain.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
W=$WASDAL_BIN
export WASDAL_DB="sqlite:$T_DIR/w.db"
export WASDAL_OUTBOX_BACKOFF_MS=200 WASDAL_OUTBOX_BACKOFF_CAP_MS=400
SECRET=rahasia-uji-0123456789
PIDS=()
stop_pids() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; PIDS=(); }
trap 'stop_pids; cleanup' EXIT

wait_file() { # path, tenths of a second
	local i=0
	while [ ! -e "$1" ] && [ $i -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done
	[ -e "$1" ]
}
SMTP_PORT=$(free_port)
HOOK_PORT=$(free_port)
mkdir -p "$T_DIR/mail" "$T_DIR/hook"
python3 "$here/outbox_sink.py" smtp --port "$SMTP_PORT" --out "$T_DIR/mail" & SMTP_PID=$!
PIDS+=("$SMTP_PID")
start_hook() { # extra receiver options...
	rm -f "$T_DIR/hook/webhook.ready"
	python3 "$here/outbox_sink.py" webhook --port "$HOOK_PORT" --secret "$SECRET" --out "$T_DIR/hook" "$@" &
	HOOK_PID=$!
	PIDS+=("$HOOK_PID")
	wait_file "$T_DIR/hook/webhook.ready" 50
}
stop_hook() { kill "$HOOK_PID" 2>/dev/null; wait "$HOOK_PID" 2>/dev/null; }
start_hook; ok $? "webhook receiver listens"
wait_file "$T_DIR/mail/smtp.ready" 50; ok $? "SMTP sink listens"
export WASDAL_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" WASDAL_SMTP_FROM="wasdal@bkn.go.id"

"$W" migrate >/dev/null 2>&1; ok $? "migrate"
out=$("$W" webhook tambah "http://127.0.0.1:$HOOK_PORT/hook" --events 'wasdal.*,kasus.*' --secret "$SECRET" 2>&1)
ok $? "webhook tambah"
check_contains "the secret is shown once" "$out" "$SECRET"
out=$("$W" webhook daftar 2>&1)
check_contains "webhook daftar lists it" "$out" "http://127.0.0.1:$HOOK_PORT/hook"
check_not_contains "webhook daftar never shows the secret" "$out" "$SECRET"
check "webhook tambah refuses ftp://" test "$("$W" webhook tambah ftp://x/ --events a >/dev/null 2>&1; echo $?)" = 2

# ---- delivered: MIME e-mail and a signed webhook ----
out=$("$W" outbox uji --to "petugas@bawaslu.go.id" 2>&1)
check_contains "uji queues an e-mail and a webhook" "$out" ": 2"
out=$("$W" outbox kirim 2>&1); ok $? "outbox kirim"
check_contains "both sent" "$out" "2, "
check "the e-mail arrived" wait_file "$T_DIR/mail/mail-1.eml" 30
mime=$(python3 - "$T_DIR/mail/mail-1.eml" <<'EOF'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("subject=" + str(m["Subject"]))
print("to=" + str(m["To"]))
print("from=" + str(m["From"]))
print("date=" + ("yes" if m["Date"] and m["Date"].datetime else "no"))
print("msgid=" + str(m["Message-ID"]))
print("ctype=" + m.get_content_type() + ";" + str(m.get_content_charset()))
print("body=" + m.get_content().splitlines()[0])
EOF
)
check_contains "Subject decodes to the UTF-8 text" "$mime" "subject=Uji notifikasi Wasdal — pesan percobaan"
check_contains "To is the recipient" "$mime" "to=petugas@bawaslu.go.id"
check_contains "From is the configured sender" "$mime" "from=Wasdal <wasdal@bkn.go.id>"
check_contains "Date parses" "$mime" "date=yes"
check_contains "Message-ID on the sender's domain" "$mime" "@bkn.go.id>"
check_contains "text/plain UTF-8" "$mime" "ctype=text/plain;utf-8"
check_contains "body decodes" "$mime" "body=Ini pesan percobaan dari Wasdal."
check_contains "raw subject is RFC 2047 encoded" "$(grep '^Subject:' "$T_DIR/mail/mail-1.eml")" "=?UTF-8?B?"
check_eq "envelope recipient" "$(sed -n 2p "$T_DIR/mail/mail-1.env")" "<petugas@bawaslu.go.id>"
hooks() { python3 -c "import json,sys; print(sum(1 for l in open('$T_DIR/hook/hooks.log') if eval(sys.argv[1], {}, json.loads(l))))" "$1"; }
check_eq "the webhook arrived with a valid signature" "$(hooks 'valid and status == 200')" 1
check_eq "payload carries the event" "$(hooks "body['event'] == 'wasdal.uji' and body['data']['pesan'] == 'uji notifikasi Wasdal'")" 1
out=$("$W" outbox daftar 2>&1)
check_eq "daftar shows both as sent" "$(printf '%s\n' "$out" | grep -c ' sent ')" 2

# ---- a wrong secret is refused by the receiver, and retried ----
"$W" webhook tambah "http://127.0.0.1:$HOOK_PORT/other" --events 'lain.salah' --secret "bukan-rahasia-yang-benar" >/dev/null 2>&1
"$W" outbox uji --event lain.salah >/dev/null 2>&1
out=$("$W" outbox kirim 2>&1)
check_contains "a 401 is a retry, not a success" "$out" "terkirim 0, dicoba lagi nanti 1"
check_eq "the receiver saw an invalid signature" "$(hooks 'not valid and status == 401')" 1
"$W" webhook hapus 2 >/dev/null 2>&1; ok $? "webhook hapus"
sleep 0.5
out=$("$W" outbox kirim 2>&1)
check_contains "a message to a removed subscription fails permanently" "$out" "gagal permanen 1"

# ---- receiver down -> retries -> delivered later ----
stop_hook
"$W" outbox uji >/dev/null 2>&1
out=$("$W" outbox kirim 2>&1)
check_contains "receiver down: retried later" "$out" "terkirim 0, dicoba lagi nanti 1"
out=$("$W" outbox daftar --state pending 2>&1)
check_contains "pending with the connection error" "$out" "HTTP: "
sleep 0.5
out=$(WASDAL_LANG=en "$W" outbox kirim 2>&1)
check_contains "still down: another retry" "$out" "sent 0, retry later 1"
start_hook
sleep 0.5
out=$("$W" outbox kirim 2>&1)
check_contains "receiver back: delivered" "$out" "terkirim 1"
check_eq "daftar shows 2 attempts before success" "$("$W" outbox daftar --state sent --limit 1 | tail -1 | awk '{print $4}')" 3

# ---- the server sends in the background ----
PORT=$(free_port)
"$W" serve --listen "127.0.0.1:$PORT" --outbox-interval 1 >"$T_DIR/serve.log" 2>&1 & SERVE_PID=$!
PIDS+=("$SERVE_PID")
"$W" outbox uji --to "latar@bawaslu.go.id" >/dev/null 2>&1
check "the background sender delivers the e-mail" wait_file "$T_DIR/mail/mail-2.eml" 100
kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null
check_eq "serve stops cleanly with its sender" "$?" 0

# ---- kill -9 mid-send: nothing lost, marked once ----
stop_hook
start_hook --delay 4
n_before=$(wc -l <"$T_DIR/hook/hooks.log")
WASDAL_OUTBOX_LEASE_MS=3000 "$W" serve --listen "127.0.0.1:$PORT" --outbox-interval 1 >"$T_DIR/serve2.log" 2>&1 & SERVE_PID=$!
PIDS+=("$SERVE_PID")
"$W" outbox uji >/dev/null 2>&1
i=0; while [ "$(wc -l <"$T_DIR/hook/hooks.log")" = "$n_before" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -9 "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null
id=$(tail -1 "$T_DIR/hook/hooks.log" | python3 -c 'import json,sys; print(json.load(sys.stdin)["delivery"])')
check "the server was killed while the receiver held the request" test -n "$id"
out=$("$W" outbox kirim 2>&1)
check_contains "while the dead sender's lease holds nobody resends" "$out" "terkirim 0, dicoba lagi nanti 0"
stop_hook
start_hook
sleep 3.2
out=$("$W" outbox kirim 2>&1)
check_contains "after the lease expired the message is sent" "$out" "terkirim 1"
check_eq "received at least once (twice: before and after the crash)" "$(hooks "delivery == '$id'")" 2
row=$("$W" outbox daftar --state sent | awk -v id="$id" '$1 == id')
check_eq "marked sent once, with one attempt counted" "$(printf "%s" "$row" | awk '{print $2, $3, $4}')" "webhook sent 1"
out=$("$W" outbox kirim 2>&1)
check_contains "nothing left to send" "$out" "terkirim 0, dicoba lagi nanti 0, gagal permanen 0"

# ---- permanent failure: listed, requeued by an admin ----
"$W" outbox uji --to "tidak-ada@bawaslu.go.id" --event lain.uji >/dev/null 2>&1
out=$("$W" outbox kirim 2>&1)
check_contains "SMTP 550 is a permanent failure" "$out" "gagal permanen 1"
out=$("$W" outbox daftar --state failed_permanent 2>&1)
check_contains "the failure is listed with the server's answer" "$out" "(550)"
fid=$(printf '%s\n' "$out" | awk '/tidak-ada/ {print $1}')
export WASDAL_OUTBOX_MAX_ATTEMPTS=2
stop_hook
"$W" outbox uji >/dev/null 2>&1
"$W" outbox kirim >/dev/null 2>&1; sleep 0.5
out=$("$W" outbox kirim 2>&1)
check_contains "after max attempts a webhook fails permanently" "$out" "gagal permanen 1"
out=$("$W" outbox ulang "$fid" 2>&1); ok $? "outbox ulang requeues"
check_eq "requeued message is pending again" "$("$W" outbox daftar --state pending | awk -v id="$fid" '$1 == id {print $3}')" pending
out=$("$W" outbox ulang "$fid" 2>&1)
check_eq "requeue of a pending message: exit 1" "$?" 1
out=$("$W" outbox ulang x 2>&1)
check_eq "requeue of a bad id: exit 2" "$?" 2
audit=$("$W" audit verify 2>&1); ok $? "audit chain intact"
python3 - "$T_DIR/w.db" >"$T_DIR/audit.txt" <<'EOF'
import sqlite3, sys
for (a,) in sqlite3.connect(sys.argv[1]).execute("SELECT action FROM audit_log ORDER BY seq"):
    print(a)
EOF
acts=$(sort -u "$T_DIR/audit.txt" | tr '\n' ' ')
for a in webhook_create webhook_deactivate outbox_test outbox_failed outbox_requeue; do
	check_contains "audit has $a" "$acts" "$a"
done
stop_pids
tap_done
