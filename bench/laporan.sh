#!/usr/bin/env bash
# Filing benchmark (issue 3 §1 and "make bench"): citizens file reports with
# POST /api/v1/laporan as multipart/form-data, one 200 KB PDF attachment
# each, on a fresh migrated SQLite store, `wasdal serve` on 127.0.0.1,
# `wrk -c4 -d10s` (bounded in time, and in count by MAX_REPORTS: each wrk
# thread stops after its share). Every answer must be 201; the others are
# counted and printed. A report is durable when it is answered: SQLite in
# WAL with synchronous=FULL (the case, its evidence row, the audit record
# in one transaction), the evidence file written, fsync'd, renamed and its
# directory fsync'd (app/bukti.c). Each report also costs one Argon2id
# (libsodium INTERACTIVE: 64 MiB) for the receipt hash.
# The attachment is made unique per request (a 16-digit tag in a PDF
# comment) so every report really stores a new 200 KB file: evidence is
# stored by SHA-256, and one identical file would be written only once.
# The Lua script reads the body once (the part before the tag and the part
# after it) and only joins the three strings per request.
# Afterwards: the number of kasus rows and of kasus_bukti rows must equal
# the number of 201s, and every stored SHA-256 must be a file on disk.
# Peer in the same run, same payload, same concurrency (4) and duration:
# the durable-storage floor, bench/laporan/floor.py: per report, write the
# same 200 KB to a temporary file, fsync, rename, fsync the directory, then
# commit one row into a SQLite WAL database with synchronous=FULL -- the
# disk work wasdal cannot avoid, without HTTP, multipart parsing, content
# sniffing, Argon2id or the audit chain; and the same floor plus one
# Argon2id with libsodium's INTERACTIVE limits per report (the receipt
# hash), which is most of a report's CPU.
# The per-client filing limit (10 an hour, LIMIT_LAPORAN_PER_CLIENT) would
# stop wrk at the 11th report; the server is started with
# `--laporan-per-jam 1000000`, an option for benchmarks only.
# Loopback only; every load is bounded by -d and MAX_REPORTS.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-4}
THREADS=${THREADS:-4}
MAX_REPORTS=${MAX_REPORTS:-1000}
SIZE=${SIZE:-204800}
bin=$PWD/build/wasdal
out=$PWD/bench/out/laporan
mkdir -p "$out"
work=$(mktemp -d /tmp/wasdal-bench-laporan.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
ms() { python3 -c "import sys, re; m=re.match(r'([0-9.]+)(us|ms|s)', sys.argv[1]); f={'us':0.001,'ms':1,'s':1000}; print('%.1f' % (float(m.group(1))*f[m.group(2)]))" "$1"; }

f=$work/w.db
db="sqlite:$f"
files=$work/berkas
"$bin" migrate --db "$db" >/dev/null

# The multipart body, split around the per-request tag: head.bin ends inside
# a PDF comment, tail.bin holds the rest of the 200 KB PDF and the closing
# boundary. Incompressible filler (a SHA-256 chain), like a scanned page.
today=$(date -u -d '+7 hours' +%F)
python3 - "$work" "$SIZE" "$today" <<'EOF'
import hashlib, sys
d, size, today = sys.argv[1], int(sys.argv[2]), sys.argv[3]
b = b'----wasdalbench7f3a'
fields = [('konteks', 'pilkada'), ('wilayah', 'Kabupaten Banyumas'), ('pelanggaran_kode', 'KE-4'),
          ('kejadian_tanggal', today), ('terlapor_nama', 'Budi Contoh'),
          ('terlapor_instansi', 'Kecamatan Contoh'), ('pelapor_mode', 'anonim'),
          ('kronologi', 'Membagikan poster bakal calon di grup kantor pada jam kerja.')]
form = b''.join(b'--' + b + b'\r\nContent-Disposition: form-data; name="' + k.encode() +
                b'"\r\n\r\n' + v.encode() + b'\r\n' for k, v in fields)
pdf_head = b'%PDF-1.4\n%bench-'
pdf_tail_start = b'\n1 0 obj<</Length 0>>stream\n'
pdf_end = b'\nendstream endobj\ntrailer<<>>\n%%EOF\n'
fill = bytearray()
h = b'wasdal'
while len(pdf_head) + 16 + len(pdf_tail_start) + len(fill) + len(pdf_end) < size:
    h = hashlib.sha256(h).digest()
    fill += h
fill = bytes(fill[:size - len(pdf_head) - 16 - len(pdf_tail_start) - len(pdf_end)])
part = (b'--' + b + b'\r\nContent-Disposition: form-data; name="bukti"; filename="bukti.pdf"\r\n'
        b'Content-Type: application/pdf\r\n\r\n')
open(d + '/head.bin', 'wb').write(form + part + pdf_head)
open(d + '/tail.bin', 'wb').write(pdf_tail_start + fill + pdf_end + b'\r\n--' + b + b'--\r\n')
open(d + '/pdf_head.bin', 'wb').write(pdf_head)
open(d + '/pdf_tail.bin', 'wb').write(pdf_tail_start + fill + pdf_end)
open(d + '/boundary', 'w').write(b.decode())
EOF
boundary=$(cat "$work/boundary")
pdf_bytes=$(( $(stat -c %s "$work/pdf_head.bin") + 16 + $(stat -c %s "$work/pdf_tail.bin") ))

cat > "$work/post.lua" <<LUA
-- wrk: POST the same report with a unique 16-digit tag in the PDF; stop
-- each thread after its share of MAX_REPORTS; count the answers.
local threads = {}
local nthreads = 0
function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
  table.insert(threads, thread)
end
local function slurp(p) local fh = assert(io.open(p, "rb")); local s = fh:read("*a"); fh:close(); return s end
local head, tail, n, per
function init(args)
  head = slurp("$work/head.bin")
  tail = slurp("$work/tail.bin")
  n, sent, c201, other, statuses = 0, 0, 0, 0, ""
  per = math.floor($MAX_REPORTS / $CONNS)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "multipart/form-data; boundary=$boundary"
end
function request()
  n = n + 1
  sent = n
  return wrk.format(nil, "/api/v1/laporan", nil, head .. string.format("%04d%012d", tid, n) .. tail)
end
function response(status, headers, body)
  if status == 201 then c201 = c201 + 1 else
    other = other + 1
    if #statuses < 200 then statuses = statuses .. " " .. status end
  end
  if c201 + other >= per then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local a, o, s = 0, 0, ""
  for _, t in ipairs(threads) do
    a = a + t:get("c201"); o = o + t:get("other"); s = s .. (t:get("statuses") or "")
  end
  io.write(string.format("answers: 201=%d other=%d%s\n", a, o, s ~= "" and (" statuses:" .. s) or ""))
end
LUA

port=$(free_port)
base="http://127.0.0.1:$port"
"$bin" serve --listen "127.0.0.1:$port" --threads "$THREADS" --db "$db" --files "$files" \
	--no-outbox --laporan-per-jam 1000000 >"$work/serve.log" 2>&1 &
pids+=($!)
server=$!
for _ in $(seq 100); do curl -fs "$base/api/v1/health" >/dev/null && break; sleep 0.1; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

echo "# POST /api/v1/laporan, multipart, one ${pdf_bytes}-byte PDF each: wrk -t$CONNS -c$CONNS -d$DURATION, at most $MAX_REPORTS reports (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
c0=$(cpu_ticks)
wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" --latency -s "$work/post.lua" "$base" > "$out/wrk-laporan.txt"
c1=$(cpu_ticks)
kill "$server"; wait "$server" 2>/dev/null || true; pids=()

w=$out/wrk-laporan.txt
n_req=$(awk '/requests in/ {print $1}' "$w")
n201=$(sed -n 's/^answers: 201=\([0-9]*\).*/\1/p' "$w")
nother=$(sed -n 's/^answers: 201=[0-9]* other=\([0-9]*\).*/\1/p' "$w")
printf '%-36s %8s req/s  p50 %7s ms  p99 %7s ms  server cpu %6s ms/report  %s reports\n' \
	"wasdal POST /api/v1/laporan" "$(awk '/Requests\/sec/ {print $2}' "$w")" \
	"$(ms "$(awk '/^     50%/ {print $2}' "$w")")" "$(ms "$(awk '/^     99%/ {print $2}' "$w")")" \
	"$(python3 -c "print('%.1f' % (($c1 - $c0) * 1000.0 / $(getconf CLK_TCK) / max(1, $n_req)))")" "$n_req"
grep '^answers:' "$w"
grep -E 'Socket errors|Non-2xx' "$w" || true

# Every 201 is a case with its evidence row, and every evidence file exists.
rc=0
kasus=$(sqlite3 "$f" 'SELECT count(*) FROM kasus')
bukti=$(sqlite3 "$f" 'SELECT count(*) FROM kasus_bukti')
missing=0
while read -r sha; do [ -s "$files/$sha" ] || missing=$((missing + 1)); done < <(sqlite3 "$f" 'SELECT sha256 FROM kasus_bukti')
ondisk=$(find "$files" -maxdepth 1 -type f -size "${pdf_bytes}c" | wc -l)
printf 'check: %s kasus rows, %s kasus_bukti rows, %s files of %s bytes on disk, %s missing; %s answered 201\n' \
	"$kasus" "$bukti" "$ondisk" "$pdf_bytes" "$missing" "$n201"
# When -d ends the run, wrk stops reading while up to one request per
# connection is still being served: those reports are committed but their
# 201 is not counted. So kasus may exceed the 201s by at most CONNS, and
# must equal them exactly when the count bound ended the run.
inflight=$(( kasus - ${n201:-0} ))
[ "$inflight" -gt 0 ] && echo "note: $inflight report(s) in flight when wrk -d$DURATION stopped (committed, answer not read)"
if [ "$inflight" -lt 0 ] || [ "$inflight" -gt "$CONNS" ] || [ "$bukti" != "$kasus" ] ||
	[ "$ondisk" != "$kasus" ] || [ "$missing" != 0 ] || [ "${nother:-1}" != 0 ] || [ "${n201:-0}" = 0 ]; then
	echo "FAIL: the store does not match the 201 answers, or some answers were not 201"
	rc=1
fi

echo "# peer: durable-storage floor (bench/laporan/floor.py), $CONNS threads, the same file size, fsync file+dir, one SQLite synchronous=FULL commit each"
python3 bench/laporan/floor.py --dir "$work/floor" --head "$work/pdf_head.bin" --tail "$work/pdf_tail.bin" \
	--threads "$CONNS" --duration "${DURATION%s}" --max "$MAX_REPORTS" > "$out/floor.txt"
cat "$out/floor.txt"
echo "# peer: the same floor plus one Argon2id INTERACTIVE (64 MiB) per report, libsodium through ctypes"
python3 bench/laporan/floor.py --dir "$work/floor2" --head "$work/pdf_head.bin" --tail "$work/pdf_tail.bin" \
	--threads "$CONNS" --duration "${DURATION%s}" --max "$MAX_REPORTS" --argon2 | tee -a "$out/floor.txt"
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exit $rc
