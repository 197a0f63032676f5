#!/usr/bin/env bash
# Registry benchmarks (issue: foundation), each against a peer measured in
# the same run on the same machine:
#  1. import of N employees (default 500,000) with full validation, audit
#     records and one transaction: `wasdal import pegawai` vs the sqlite3
#     CLI's `.import` of the same file into a plain table (no checks).
#  2. GET of one employee by NIP over HTTP (JSON API, Bearer token, random
#     NIPs from the store) on the N-employee SQLite store, with
#     `wrk -t2 -c64 -d10s`, vs nginx serving a static JSON of the same size
#     (the ceiling for any HTTP server on this machine).
# IMPORT_ONLY=1 runs the first benchmark only.
# Only loopback addresses are used; every load is bounded by -d.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-500000}
DURATION=${DURATION:-10s}
bin=$PWD/build/wasdal
out=$PWD/bench/out/registry
mkdir -p "$out"
work=$(mktemp -d /tmp/wasdal-bench.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
secs() { python3 -c "import sys; print('%.2f' % float(sys.argv[1]))" "$1"; }
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b if b else 0))" "$1" "$2"; }

db="sqlite:$work/w.db"
# GET_ONLY=1 STORE=file.db: skip the import half and measure the GET on a
# copy of a store an earlier run kept with KEEP_STORE=file.db.
if [ "${GET_ONLY:-0}" = 1 ]; then cp "${STORE:?GET_ONLY=1 needs STORE=file.db}" "$work/w.db"; else
"$bin" migrate --db "$db" >/dev/null
"$bin" seed demo --db "$db" >/dev/null
codes=$(sqlite3 "$work/w.db" "SELECT group_concat(kode) FROM instansi WHERE jenis IN (3,4)")
csv=$out/pegawai-$ROWS.csv
if [ ! -s "$csv" ]; then
	python3 bench/gen_pegawai.py --rows "$ROWS" --instansi "$codes" > "$csv.tmp" && mv "$csv.tmp" "$csv"
fi

# CPU time (user+sys) of a command, from /usr/bin/time: steadier than the
# wall time on a shared machine.
cpu() { awk '/^cpu / {printf "%.2f", $2 + $3}' "$1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "# import of $ROWS employees (load average before: $(load))"
t0=$(date +%s.%N)
/usr/bin/time -f 'cpu %U %S' -o "$work/import.time" "$bin" import pegawai "$csv" --db "$db" >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
t1=$(date +%s.%N)
wasdal_import=$(python3 -c "print($t1 - $t0)")
count=$(sqlite3 "$work/w.db" "SELECT count(*) FROM pegawai")

sqlite3 "$work/peer.db" "CREATE TABLE pegawai(nip TEXT, nama TEXT, jenis_asn TEXT, golongan TEXT, jenis_jabatan TEXT, jenjang TEXT, jabatan TEXT, instansi_kode TEXT, unit_kode TEXT, unit_nama TEXT, status TEXT)"
t0=$(date +%s.%N)
/usr/bin/time -f 'cpu %U %S' -o "$work/peer.time" sqlite3 "$work/peer.db" ".import --csv --skip 1 $csv pegawai"
t1=$(date +%s.%N)
sqlite_import=$(python3 -c "print($t1 - $t0)")
wc=$(cpu "$work/import.time"); sc=$(cpu "$work/peer.time")
printf '%-32s %8s s wall %8s s cpu  (%s rows in the store)\n' "wasdal import pegawai" "$(secs "$wasdal_import")" "$wc" "$count"
printf '%-32s %8s s wall %8s s cpu\n' "sqlite3 .import (no checks)" "$(secs "$sqlite_import")" "$sc"
printf '%-32s %8sx wall %8sx cpu  (target <= 3x)\n' "wasdal / sqlite3" "$(ratio "$wasdal_import" "$sqlite_import")" "$(ratio "$wc" "$sc")"
echo "# load average after the imports: $(load)"
fi
# IMPORT_ONLY=1: stop here (iterating on the import).
[ "${IMPORT_ONLY:-0}" = 1 ] && exit 0

# CPU clock ticks (user+sys) used so far by a process and its children's
# threads (nginx: the master and its workers).
ticks() {
	local t=0 p
	for p in "$1" $(pgrep -P "$1" || true); do
		t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
	done
	echo "$t"
}
hz=$(getconf CLK_TCK)
load() { cut -d' ' -f1-3 /proc/loadavg; }
[ -z "${KEEP_STORE:-}" ] || sqlite3 "$work/w.db" ".backup '$KEEP_STORE'"
echo "# GET /api/v1/pegawai/{nip}, wrk -t2 -c64 -d$DURATION (load average before: $(load))"
token=$("$bin" user token admin bench --db "$db" | tail -1)
port=$(free_port)
"$bin" serve --listen "127.0.0.1:$port" --threads 2 --db "$db" >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
sqlite3 "$work/w.db" "SELECT nip FROM pegawai ORDER BY random() LIMIT 2000" > "$work/nips.txt"
sample=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/pegawai/$(head -1 "$work/nips.txt")")
cat > "$work/get.lua" <<LUA
local nips = {}
for line in io.lines("$work/nips.txt") do nips[#nips + 1] = line end
local i = 0
request = function()
  i = i % #nips + 1
  return wrk.format("GET", "/api/v1/pegawai/" .. nips[i], { ["Authorization"] = "Bearer $token" })
end
LUA
c0=$(ticks "${pids[0]}")
wrk -t2 -c64 -d"$DURATION" -s "$work/get.lua" "http://127.0.0.1:$port" > "$work/wrk-wasdal.txt"
wasdal_ticks=$(( $(ticks "${pids[0]}") - c0 ))
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

mkdir -p "$work/www"
printf '%s' "$sample" > "$work/www/pegawai.json"
nport=$(free_port)
cat > "$work/nginx.conf" <<NGX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    default_type application/json;
  }
}
NGX
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$nport/pegawai.json" >/dev/null && break; sleep 0.1; done
c0=$(ticks "${pids[0]}")
wrk -t2 -c64 -d"$DURATION" "http://127.0.0.1:$nport/pegawai.json" > "$work/wrk-nginx.txt"
nginx_ticks=$(( $(ticks "${pids[0]}") - c0 ))

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
lat() { awk '/Latency/ {print $2; exit}' "$1"; }
errs() { awk '/Non-2xx|Socket errors/ {print}' "$1"; }
nreq() { awk '/requests in/ {print $1}' "$1"; }
us_per() { python3 -c "print('%.1f' % ($1 * 1e6 / $hz / $2))"; }
w=$(rps "$work/wrk-wasdal.txt"); n=$(rps "$work/wrk-nginx.txt")
printf '%-32s %10s req/s  latency %s  server cpu %s us/req  (%s bytes)\n' "wasdal GET by NIP" "$w" "$(lat "$work/wrk-wasdal.txt")" "$(us_per "$wasdal_ticks" "$(nreq "$work/wrk-wasdal.txt")")" "${#sample}"
printf '%-32s %10s req/s  latency %s  server cpu %s us/req\n' "nginx static JSON" "$n" "$(lat "$work/wrk-nginx.txt")" "$(us_per "$nginx_ticks" "$(nreq "$work/wrk-nginx.txt")")"
printf '%-32s %9s%%  (target >= 40%%)\n' "wasdal / nginx" "$(python3 -c "print('%.0f' % (100*$w/$n))")"
errs "$work/wrk-wasdal.txt"
echo "# load average at the end: $(load)"
cp "$work"/wrk-*.txt "$out/"
