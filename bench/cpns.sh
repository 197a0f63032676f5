#!/usr/bin/env bash
# CPNS SKD ranking: `wasdal cpns rank` against PostgreSQL 15 and the sqlite3
# CLI doing the same ranking (bench/cpns/rank.sql), at 1, 2 and 4 million
# applicants over 250,000 formations (gen_cpns.py, cached in bench/out/).
# Checks that all three write byte-identical results.csv, prints wall times,
# wasdal's peak RSS, and the ratios. CPNS_BENCH_SIZES="1 2 4" (millions)
# and CPNS_BENCH_RUNS=3 (wasdal runs, best kept) change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${WASDAL_BIN:-$root/build/wasdal}
gen=$root/bench/gen_cpns.py
out=$root/bench/out
runs=${CPNS_BENCH_RUNS:-3}
mkdir -p "$out"
tmp=$(mktemp -d /tmp/wasdal-cpns-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

printf '%-6s %10s %10s %10s %10s %10s %9s %9s  %s\n' size wasdal_s rss_MB pg_s pg_rank_s sqlite_s pg/wasdal sq/wasdal identical
for m in ${CPNS_BENCH_SIZES:-1 2 4}; do
	d=$out/cpns${m}m
	if [ ! -s "$d/applicants.csv" ]; then
		python3 "$gen" --applicants $((m * 1000000)) --formations 250000 --out "$d" >&2
	fi
	best= rss=
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" cpns rank --formasi "$d/formations.csv" \
			--peserta "$d/applicants.csv" --out "$tmp/w" --quiet
		read -r wall kb <"$tmp/time"
		if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; fi
		if [ -z "$rss" ] || [ "$kb" -gt "$rss" ]; then rss=$kb; fi
	done
	pgout=$(bench/cpns/pg.sh "$d/formations.csv" "$d/applicants.csv" "$tmp/pg.csv")
	pg_load=$(echo "$pgout" | awk '/^pg_load/ { print $2 }')
	pg_rank=$(echo "$pgout" | awk '/^pg_rank/ { print $2 }')
	pg=$(echo "$pg_load + $pg_rank" | bc)
	s0=$(date +%s.%N)
	bench/cpns/sqlite.sh "$d/formations.csv" "$d/applicants.csv" "$tmp/sqlite.csv"
	sq=$(echo "$(date +%s.%N) - $s0" | bc)
	same=yes
	cmp -s "$tmp/w/results.csv" "$tmp/pg.csv" || same="NO(pg)"
	cmp -s "$tmp/w/results.csv" "$tmp/sqlite.csv" || same="$same NO(sqlite)"
	printf '%-6s %10.2f %10d %10.2f %10.2f %10.2f %8.1fx %8.1fx  %s\n' "${m}M" "$best" $((rss / 1024)) \
		"$pg" "$pg_rank" "$sq" "$(echo "$pg / $best" | bc -l)" "$(echo "$sq / $best" | bc -l)" "$same"
	[ "$same" = yes ] || exit 1
done
