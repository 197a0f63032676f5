#!/usr/bin/env bash
# Several 'wasdal serve' processes on one PostgreSQL database drain one
# outbox: every message is delivered, none twice (the lease and FOR UPDATE
# SKIP LOCKED), and a webhook receiver checks every signature. Then one
# sender is killed with SIGKILL mid-send: its message is delivered by the
# other after the lease, and marked sent once. Skipped (one ok line) when
# PostgreSQL is not installed.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/e2e"
. "$root/tests/store/pg.sh"
if [ ! -x "$PG_BIN/initdb" ]; then
	ok 0 "# SKIP no PostgreSQL 15"
	tap_done
fi
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; pg_stop; cleanup' EXIT
wait_file() { local i=0; while [ ! -e "$1" ] && [ $i -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done; [ -e "$1" ]; }
pg_start "$T_DIR" >/dev/null; check_eq "start PostgreSQL" $? 0
pg_createdb outbox
export WASDAL_DB="${PG_URL}outbox"
W=$WASDAL_BIN
SECRET=rahasia-pg-0123456789abcdef
HOOK_PORT=$(free_port)
mkdir -p "$T_DIR/hook"
python3 "$here/outbox_sink.py" webhook --port "$HOOK_PORT" --secret "$SECRET" --out "$T_DIR/hook" --delay 0.05 &
HOOK_PID=$!
PIDS+=("$HOOK_PID")
wait_file "$T_DIR/hook/webhook.ready" 50; ok $? "webhook receiver listens"
"$W" migrate >/dev/null 2>&1; ok $? "migrate"
"$W" webhook tambah "http://127.0.0.1:$HOOK_PORT/hook" --events '*' --secret "$SECRET" >/dev/null 2>&1
ok $? "webhook tambah"
N=60
for i in $(seq $N); do "$W" outbox uji >/dev/null 2>&1 || echo "# uji $i failed"; done
check_eq "$N messages queued" "$("$W" outbox daftar --state pending --limit 1000 | tail -n +2 | wc -l)" $N

# three servers, small batches, so they compete for the same rows
export WASDAL_OUTBOX_LEASE_MS=30000
for k in 1 2 3; do
	"$W" serve --listen "127.0.0.1:$(free_port)" --outbox-interval 1 >"$T_DIR/serve$k.log" 2>&1 &
	PIDS+=($!)
done
i=0
while [ "$("$W" outbox daftar --state sent --limit 1000 | tail -n +2 | wc -l)" -lt $N ] && [ $i -lt 300 ]; do
	sleep 0.2; i=$((i + 1))
done
check_eq "all $N sent by three servers" "$("$W" outbox daftar --state sent --limit 1000 | tail -n +2 | wc -l)" $N
stats=$(python3 - "$T_DIR/hook/hooks.log" <<'EOF'
import collections, json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
c = collections.Counter(r["delivery"] for r in rows)
print(len(rows), len(c), max(c.values()), all(r["valid"] for r in rows))
EOF
)
check_eq "received $N requests for $N distinct messages, none twice, all signed" "$stats" "$N $N 1 True"
check "more than one server took part" test "$(grep -l 'outbox: sent' "$T_DIR"/serve*.log | wc -l)" -ge 2
for p in "${PIDS[@]:1}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
PIDS=("$HOOK_PID")

# kill -9 one sender mid-send; the other finishes after the lease
kill "$HOOK_PID"; wait "$HOOK_PID" 2>/dev/null
python3 "$here/outbox_sink.py" webhook --port "$HOOK_PORT" --secret "$SECRET" --out "$T_DIR/hook" --delay 5 &
HOOK_PID=$!
PIDS=("$HOOK_PID")
sleep 0.5
before=$(wc -l <"$T_DIR/hook/hooks.log")
WASDAL_OUTBOX_LEASE_MS=3000 "$W" serve --listen "127.0.0.1:$(free_port)" --outbox-interval 1 >"$T_DIR/victim.log" 2>&1 &
VICTIM=$!
"$W" outbox uji >/dev/null 2>&1
i=0; while [ "$(wc -l <"$T_DIR/hook/hooks.log")" = "$before" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -9 "$VICTIM"; wait "$VICTIM" 2>/dev/null
id=$(tail -1 "$T_DIR/hook/hooks.log" | python3 -c 'import json,sys; print(json.load(sys.stdin)["delivery"])')
check "killed while the receiver held message $id" test -n "$id"
kill "$HOOK_PID"; wait "$HOOK_PID" 2>/dev/null
python3 "$here/outbox_sink.py" webhook --port "$HOOK_PORT" --secret "$SECRET" --out "$T_DIR/hook" &
PIDS=($!)
"$W" serve --listen "127.0.0.1:$(free_port)" --outbox-interval 1 >"$T_DIR/rescuer.log" 2>&1 &
PIDS+=($!)
i=0
while ! "$W" outbox daftar --state sent --limit 5 | awk -v id="$id" '$1 == id' | grep -q . && [ $i -lt 150 ]; do
	sleep 0.2; i=$((i + 1))
done
row=$("$W" outbox daftar --state sent --limit 5 | awk -v id="$id" '$1 == id')
check_eq "delivered by the other server after the lease, marked once" "$(printf "%s" "$row" | awk '{print $2, $3, $4}')" "webhook sent 1"
got=$(python3 -c "import json; print(sum(1 for l in open('$T_DIR/hook/hooks.log') if json.loads(l)['delivery'] == '$id'))")
check_eq "received twice (at least once), recorded once" "$got" 2
check_eq "nothing pending" "$("$W" outbox daftar --state pending | tail -n +2 | wc -l)" 0
tap_done
