#!/usr/bin/env bash
# Dashboard benchmark (issue 3 §4): 100,000 neutrality cases (default) in a
# SQLite store with a realistic organisation tree (38 provinces, ~550
# instansi; bench/gen_kasus.py), then the latency of rendering /dasbor over
# HTTP on 127.0.0.1 for three scopes (national BKN, a province's Bawaslu,
# a kab/kota PPK) and of the public /statistik, with wrk -t1 -c1 (one
# request at a time: the time one person waits). Peer in the same run:
# the sqlite3 CLI running the same four grouped counts as plain GROUP BY
# statements on the same file (no HTML, no HTTP). Target: < 100 ms per
# dashboard render at 100,000 cases. Loopback only; every load is bounded.
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
for _ in $(seq 100); do curl -fs "$base/api/v1/health" >/dev/null && break; sleep 0.1; done

session() { # user password -> the session cookie value
	curl -s -o /dev/null -c "$work/$1.jar" --data-urlencode "username=$1" \
		--data-urlencode "password=$2" "$base/login"
	awk '$6 == "wasdal_sesi" {print $7}' "$work/$1.jar"
}
ms() { python3 -c "import sys; v=sys.argv[1]; f={'us':0.001,'ms':1,'s':1000}; import re; m=re.match(r'([0-9.]+)(us|ms|s)', v); print('%.1f' % (float(m.group(1))*f[m.group(2)]))" "$1"; }

run() { # file-slug label path cookie
	local slug=$1 name=$2 path=$3 cookie=$4 size
	size=$(curl -s -b "wasdal_sesi=$cookie" -o "$work/$slug.html" -w '%{size_download}' "$base$path")
	wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: wasdal_sesi=$cookie" "$base$path" > "$out/wrk-$slug.txt"
	local avg p50 p99 rps non2xx
	avg=$(awk '/^    Latency/ {print $2; exit}' "$out/wrk-$slug.txt")
	p50=$(awk '/^     50%/ {print $2}' "$out/wrk-$slug.txt")
	p99=$(awk '/^     99%/ {print $2}' "$out/wrk-$slug.txt")
	rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$slug.txt")
	non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/wrk-$slug.txt")
	printf '%-34s p50 %6s ms  avg %6s ms  p99 %6s ms  %6s req/s  %s bytes%s\n' "$name" \
		"$(ms "$p50")" "$(ms "$avg")" "$(ms "$p99")" "$rps" "$size" "${non2xx:+  NON-2XX: $non2xx}"
}

echo "# one request at a time (wrk -t1 -c1 -d$DURATION), the page as a person waits for it"
bkn=$(session bkn demo-bkn-2026)
bawaslu=$(session bawaslu.jateng demo-bawaslu-2026)
ppk=$(session ppk.semarang demo-ppk-2026)
run bkn "GET /dasbor (BKN, national)" /dasbor "$bkn"
run bkn-filter "GET /dasbor (BKN, pilkada, 1 year)" "/dasbor?konteks=pilkada&dari=$(date -u -d '-365 days' +%F)" "$bkn"
run bawaslu "GET /dasbor (Bawaslu, province)" /dasbor "$bawaslu"
run ppk "GET /dasbor (PPK, kab/kota)" /dasbor "$ppk"
run statistik "GET /statistik (public)" /statistik ""
run xlsx "GET /dasbor/ekspor/wilayah.xlsx" /dasbor/ekspor/wilayah.xlsx "$bkn"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

echo "# peer: sqlite3 CLI, the same four grouped counts as plain GROUP BY (national)"
today=$(( ($(date +%s) + 7*3600) / 86400 ))
now_ms=$(( $(date +%s) * 1000 ))
cat > "$work/peer.sql" <<SQL
SELECT tahap, CASE WHEN tenggat_hari IS NULL THEN 2 WHEN tenggat_hari < $today THEN 1 ELSE 0 END, count(*) FROM kasus GROUP BY 1, 2;
SELECT pelanggaran_kode, count(*) FROM kasus GROUP BY 1;
SELECT coalesce(instansi_id, 0), konteks, count(*) FROM kasus GROUP BY 1, 2;
SELECT tahap, max(0, ($now_ms - tahap_sejak_ms) / 86400000), count(*) FROM kasus GROUP BY 1, 2;
SQL
best=999999; all=()
for i in 1 2 3 4 5 6 7; do
	t0=$(date +%s%N)
	sqlite3 "$f" < "$work/peer.sql" > /dev/null
	t1=$(date +%s%N)
	d=$(( (t1 - t0) / 1000 ))
	all+=("$d")
done
med=$(printf '%s\n' "${all[@]}" | sort -n | sed -n 4p)
printf '%-34s median %6.1f ms of 7 runs (process start included)\n' "sqlite3 CLI, 4 GROUP BY" "$(python3 -c "print($med/1000)")"
echo "# load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
