#!/usr/bin/env bash
# Dashboard benchmark (issue 3 §4): 100,000 neutrality cases (default) in a
# SQLite store with a realistic organisation tree (38 provinces, ~550
# instansi), ~350,000 transition-history rows and ~28,000 sanctions
# (bench/gen_kasus.py), then the latency of rendering /dasbor over HTTP on
# 127.0.0.1 with wrk -t1 -c1 (one request at a time: the time one person
# waits) for three scopes (national BKN, a province's Bawaslu, a kab/kota
# PPK), the public /statistik and an export. "cold" runs change the filter
# on every request (an end date one day later each time, still after every
# case) so the store's per-connection result cache never answers: every
# request reads all 100,000 cases and their history. The server's CPU time
# per request (from /proc) is printed too: on this shared 2-core machine it
# is steadier than wall time. Peer in the same run: the sqlite3 CLI
# running the same grouped counts as plain SQL (GROUP BY, and a window
# function for the durations) on the same file, without and with the
# covering indexes forced. Target: < 100 ms per dashboard render at
# 100,000 cases. Loopback only; every load is bounded by -d.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
DURATION=${DURATION:-10s}
bin=$PWD/build/wasdal
out=$PWD/bench/out/dasbor
mkdir -p "$out"
work=$(mktemp -d /tmp/wasdal-bench-dasbor.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

f=$work/w.db
db="sqlite:$f"
"$bin" migrate --db "$db" >/dev/null
"$bin" seed demo --db "$db" >/dev/null
t0=$(date +%s.%N)
python3 bench/gen_kasus.py --db "$f" --rows "$ROWS" --tree
t1=$(date +%s.%N)
printf '# %s cases generated in %.1f s (%s instansi, %s MB)\n' "$(sqlite3 "$f" 'SELECT count(*) FROM kasus')" \
	"$(python3 -c "print($t1 - $t0)")" "$(sqlite3 "$f" 'SELECT count(*) FROM instansi')" \
	"$(du -m "$f" | cut -f1)"

port=$(free_port)
base="http://127.0.0.1:$port"
"$bin" serve --listen "127.0.0.1:$port" --threads 2 --db "$db" >"$work/serve.log" 2>&1 &
pids+=($!)
server=$!
for _ in $(seq 100); do curl -fs "$base/api/v1/health" >/dev/null && break; sleep 0.1; done

session() { # user password -> the session cookie value
	curl -s -o /dev/null -c "$work/$1.jar" --data-urlencode "username=$1" \
		--data-urlencode "password=$2" "$base/login"
	awk '$6 == "wasdal_sesi" {print $7}' "$work/$1.jar"
}
ms() { python3 -c "import sys; v=sys.argv[1]; f={'us':0.001,'ms':1,'s':1000}; import re; m=re.match(r'([0-9.]+)(us|ms|s)', v); print('%.1f' % (float(m.group(1))*f[m.group(2)]))" "$1"; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
cat > "$work/cold.lua" <<'LUA'
-- a different end date on every request: the result cache never matches
local i = 0
request = function()
  i = i + 1
  local t = os.time({year = 2031, month = 1, day = 1}) + (i % 3000) * 86400
  return wrk.format("GET", wrk.path .. "?sampai=" .. os.date("!%Y-%m-%d", t))
end
LUA

run() { # file-slug label path cookie [cold]
	local slug=$1 name=$2 path=$3 cookie=$4 cold=${5:-} size c0 c1 n
	size=$(curl -s -b "wasdal_sesi=$cookie" -o "$work/$slug.html" -w '%{size_download}' "$base$path")
	c0=$(cpu_ticks)
	wrk -t1 -c1 -d"$DURATION" --latency ${cold:+-s "$work/cold.lua"} -H "Cookie: wasdal_sesi=$cookie" \
		"$base$path" > "$out/wrk-$slug.txt"
	c1=$(cpu_ticks)
	n=$(awk '/requests in/ {print $1}' "$out/wrk-$slug.txt")
	local avg p50 p99 rps non2xx
	avg=$(awk '/^    Latency/ {print $2; exit}' "$out/wrk-$slug.txt")
	p50=$(awk '/^     50%/ {print $2}' "$out/wrk-$slug.txt")
	p99=$(awk '/^     99%/ {print $2}' "$out/wrk-$slug.txt")
	rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$slug.txt")
	non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/wrk-$slug.txt")
	printf '%-40s p50 %6s ms  avg %6s ms  p99 %6s ms  cpu %5s ms/req  %7s req/s  %s bytes%s\n' "$name" \
		"$(ms "$p50")" "$(ms "$avg")" "$(ms "$p99")" \
		"$(python3 -c "print('%.1f' % (($c1 - $c0) * 1000.0 / $(getconf CLK_TCK) / max(1, $n)))")" \
		"$rps" "$size" "${non2xx:+  NON-2XX: $non2xx}"
}

echo "# one request at a time (wrk -t1 -c1 -d$DURATION), the page as a person waits for it"
bkn=$(session bkn demo-bkn-2026)
bawaslu=$(session bawaslu.jateng demo-bawaslu-2026)
ppk=$(session ppk.semarang demo-ppk-2026)
run bkn-cold "GET /dasbor (BKN, national) cold" /dasbor "$bkn" cold
run bkn "GET /dasbor (BKN, national) repeated" /dasbor "$bkn"
run bkn-filter "GET /dasbor (BKN, pilkada, 1 year)" "/dasbor?konteks=pilkada&dari=$(date -u -d '-365 days' +%F)" "$bkn"
run bawaslu-cold "GET /dasbor (Bawaslu, province) cold" /dasbor "$bawaslu" cold
run ppk-cold "GET /dasbor (PPK, kab/kota) cold" /dasbor "$ppk" cold
run statistik "GET /statistik (public) repeated" /statistik ""
run xlsx "GET /dasbor/ekspor/wilayah.xlsx" /dasbor/ekspor/wilayah.xlsx "$bkn"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

today=$(( ($(date +%s) + 7*3600) / 86400 ))
now_ms=$(( $(date +%s) * 1000 ))
peer() { # label index-hint-for-kasus index-hint-for-langkah
	cat > "$work/peer.sql" <<SQL
SELECT tahap, CASE WHEN tenggat_hari IS NULL THEN 2 WHEN tenggat_hari < $today THEN 1 ELSE 0 END, count(*) FROM kasus $2 GROUP BY 1, 2;
SELECT pelanggaran_kode, count(*) FROM kasus $2 GROUP BY 1;
SELECT coalesce(instansi_id, 0), konteks, count(*) FROM kasus $2 GROUP BY 1, 2;
SELECT tahap, max(0, ($now_ms - tahap_sejak_ms) / 86400000), count(*) FROM kasus $2 GROUP BY 1, 2;
SELECT dari, hari, count(*) FROM (SELECT l.dari AS dari, max(0, (l.created_ms - coalesce(lag(l.created_ms) OVER (PARTITION BY l.kasus_id ORDER BY l.id), k.created_ms)) / 86400000) AS hari FROM kasus_langkah l $3 JOIN kasus k ON k.id = l.kasus_id) GROUP BY 1, 2;
SELECT x.flags & 1, x.tingkat, x.rekomendasi, count(*) FROM kasus_sanksi x GROUP BY 1, 2, 3;
SQL
	local all=() t0 t1 med
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		sqlite3 "$f" < "$work/peer.sql" > /dev/null
		t1=$(date +%s%N)
		all+=($(( (t1 - t0) / 1000 )))
	done
	med=$(printf '%s\n' "${all[@]}" | sort -n | sed -n 3p)
	printf '%-40s median %7.1f ms of 5 runs (process start included)\n' "$1" "$(python3 -c "print($med/1000)")"
}
echo "# peer: sqlite3 CLI, the same grouped counts as plain SQL (national, one process per run)"
peer "sqlite3 CLI, plain SQL" "" ""
peer "sqlite3 CLI, covering indexes forced" "INDEXED BY kasus_statistik" "INDEXED BY kasus_langkah_statistik"
echo "# load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
