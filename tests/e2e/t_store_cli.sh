#!/usr/bin/env bash
# The database commands on SQLite: migrate, backup, audit verify. The audit
# records come from the test_audit fixture (tests/unit/test_audit.c), then
# the sqlite3 CLI tampers with copies of the file the way an insider with
# file access could: each kind of tampering must be caught and the first
# bad record named. Finally writers are killed with SIGKILL mid-stream and
# the chain must still verify.
. "$(dirname "$0")/lib.sh"
fixture="$(dirname "$WASDAL_BIN")/tests/unit/test_audit"
W() { "$WASDAL_BIN" "$@"; }
db=$T_DIR/w.db

# The newest migration in the tree.
latest=$(ls "$(dirname "$0")/../../src/store/migrations/sqlite" | sort | tail -1 | cut -c1-4 | sed 's/^0*//')
out=$(W migrate --db "sqlite:$db"); check_eq "migrate exits 0" $? 0
check_contains "migrate prints from -> to" "$out" "0 -> $latest"
out=$(WASDAL_LANG=en W migrate --db "sqlite:$db"); check_eq "second migrate exits 0" $? 0
check_contains "second migrate is a no-op" "$out" "up to date (version $latest)"
out=$(WASDAL_DB="sqlite:$db" W migrate); check_contains "WASDAL_DB is used" "$out" "sudah mutakhir"
W migrate --db >/dev/null 2>&1; check_eq "--db without a value is bad usage" $? 2
W migrate --db "mysql://x" >/dev/null 2>&1; check_eq "unknown URL scheme is bad usage" $? 2

out=$(W audit verify --db "sqlite:$T_DIR/missing.db" 2>&1); check_eq "verify on a missing file exits 2" $? 2
check "... and does not create it" test ! -e "$T_DIR/missing.db"
sqlite3 "$T_DIR/fresh.db" "PRAGMA user_version = 0"
out=$(W audit verify --db "sqlite:$T_DIR/fresh.db" 2>&1); check_eq "verify on an unmigrated db exits 2" $? 2
check_contains "... and says to migrate" "$out" "wasdal migrate"
W audit --db "sqlite:$db" >/dev/null 2>&1; check_eq "audit without verify is bad usage" $? 2
out=$(W audit verify --db "sqlite:$db"); check_eq "empty chain verifies" $? 0
check_contains "empty chain: 0 records" "$out" "0 catatan"

# An audited history of 10 writes.
base=$T_DIR/base.db
"$fixture" --fixture "sqlite:$base" 10 >/dev/null; check_eq "fixture writes 10 audited records" $? 0
out=$(WASDAL_LANG=en W audit verify --db "sqlite:$base"); check_eq "intact chain verifies (exit 0)" $? 0
check_contains "prints the record count" "$out" "10 records"
head=$(sqlite3 "$base" "SELECT hash FROM audit_log WHERE seq = 10")
check_contains "prints the head hash" "$out" "$head"

# Backup: a consistent copy that opens and verifies, same head.
out=$(W backup --db "sqlite:$base" "$T_DIR/copy.db"); check_eq "backup exits 0" $? 0
check "backup file exists" test -s "$T_DIR/copy.db"
check "no temporary file is left" test ! -e "$T_DIR/copy.db.tmp"
check_eq "backup passes sqlite integrity_check" "$(sqlite3 "$T_DIR/copy.db" 'PRAGMA integrity_check')" ok
out=$(WASDAL_LANG=en W audit verify --db "sqlite:$T_DIR/copy.db"); check_eq "backup verifies" $? 0
check_contains "backup has the same head" "$out" "$head"
W backup --db "sqlite:$base" >/dev/null 2>&1; check_eq "backup without FILE is bad usage" $? 2
out=$(W backup --db "postgresql://127.0.0.1:1/none" "$T_DIR/pg.bak" 2>&1); check_eq "backup on PostgreSQL exits 2" $? 2
check_contains "... and points to pg_dump" "$out" "pg_dump"
check_contains "... and to docs/operations.md" "$out" "docs/operations.md"
W backup --db "sqlite:$base" "$T_DIR/no/such/dir/x.db" >/dev/null 2>&1; check_eq "backup into a missing directory fails" $? 3

# Tampering: each case starts from a copy of the intact file. The triggers
# that stop accidental edits are dropped first, as an attacker would.
tamper() { # name, sql -> prints verify's stderr, sets rc
	local f=$T_DIR/$1.db
	cp "$base" "$f"
	sqlite3 "$f" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; $2" || echo "sqlite3 failed"
	WASDAL_LANG=en "$WASDAL_BIN" audit verify --db "sqlite:$f" 2>&1 >/dev/null
}
out=$(tamper edit "UPDATE audit_log SET diff = '{\"nama\":[null,\"Orang Lain\"]}' WHERE seq = 4")
check_eq "edited diff: exit 1" $? 1
check_contains "edited diff: names record 4" "$out" "record #4:"
out=$(tamper actor "UPDATE audit_log SET actor = 'someone.else' WHERE seq = 7")
check_eq "edited actor: exit 1" $? 1
check_contains "edited actor: names record 7" "$out" "record #7:"
out=$(tamper delete "DELETE FROM audit_log WHERE seq = 5")
check_eq "deleted middle record: exit 1" $? 1
check_contains "deleted middle record: names record 6" "$out" "record #6:"
out=$(tamper delete_first "DELETE FROM audit_log WHERE seq = 1")
check_eq "deleted first record: exit 1" $? 1
check_contains "deleted first record: names record 2" "$out" "record #2:"
out=$(tamper swap "UPDATE audit_log SET seq = 1003 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 1003")
check_eq "swapped pair (reorder): exit 1" $? 1
check_contains "swapped pair: names record 3" "$out" "record #3:"
out=$(tamper insert "UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 6; UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1006;
	INSERT INTO audit_log SELECT 6, ts_ms, actor_id, actor, action, object_type, object_id, '{\"forged\":1}', hash, hash FROM audit_log WHERE seq = 5")
check_eq "inserted record: exit 1" $? 1
check_contains "inserted record: names record 6" "$out" "record #6:"
out=$(tamper append "INSERT INTO audit_log SELECT 11, ts_ms, actor_id, actor, action, object_type, object_id, diff, hash, hash FROM audit_log WHERE seq = 10")
check_eq "appended forged record: exit 1" $? 1
check_contains "appended forged record: names record 11" "$out" "record #11:"
out=$(cp "$base" "$T_DIR/id.db"; sqlite3 "$T_DIR/id.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET diff = 'x' WHERE seq = 2"; "$WASDAL_BIN" audit verify --db "sqlite:$T_DIR/id.db" 2>&1)
check_contains "Indonesian by default" "$out" "RUSAK pada catatan #2"
# A published head catches what the chain alone cannot: records cut from
# the end, or a whole chain rewritten with fresh hashes.
out=$(WASDAL_LANG=en W audit verify --db "sqlite:$base" --expect "10:$head"); check_eq "--expect the published head: exit 0" $? 0
check_contains "--expect: says it matches" "$out" "record #10 matches"
h5=$(sqlite3 "$base" "SELECT hash FROM audit_log WHERE seq = 5")
W audit verify --db "sqlite:$base" --expect="5:$h5" >/dev/null; check_eq "--expect an older published record: exit 0" $? 0
out=$(tamper truncate "DELETE FROM audit_log WHERE seq >= 9")
check_eq "truncated tail alone still verifies" $? 0
out=$(WASDAL_LANG=en W audit verify --db "sqlite:$T_DIR/truncate.db" --expect "10:$head" 2>&1)
check_eq "truncated tail with --expect: exit 1" $? 1
check_contains "truncated tail: says records were removed" "$out" "only 8 records"
"$fixture" --fixture "sqlite:$T_DIR/rewritten.db" 10 >/dev/null
out=$(WASDAL_LANG=en W audit verify --db "sqlite:$T_DIR/rewritten.db" --expect "10:$head" 2>&1)
check_eq "rewritten chain with --expect: exit 1" $? 1
check_contains "rewritten chain: says history was rewritten" "$out" "rewritten"
W audit verify --db "sqlite:$base" --expect "10:abc" >/dev/null 2>&1; check_eq "--expect with a bad hash is bad usage" $? 2
W audit verify --db "sqlite:$base" --bogus >/dev/null 2>&1; check_eq "unknown option is bad usage" $? 2

out=$(sqlite3 "$base" "UPDATE audit_log SET diff = 'x' WHERE seq = 2" 2>&1)
check_contains "the triggers refuse an ordinary edit" "$out" "append-only"

# SIGKILL at random moments while two writers append: every committed
# record is whole and chained, so the chain verifies.
kdb=$T_DIR/kill.db
W migrate --db "sqlite:$kdb" >/dev/null
for round in 1 2 3 4 5; do {
	"$fixture" --loop "sqlite:$kdb" 2>/dev/null & p1=$!
	"$fixture" --loop "sqlite:$kdb" 2>/dev/null & p2=$!
	sleep "0.$((RANDOM % 5 + 2))"
	kill -9 "$p1"; sleep "0.0$((RANDOM % 9))"; kill -9 "$p2"
	wait "$p1" "$p2"
} 2>/dev/null; done
out=$(WASDAL_LANG=en W audit verify --db "sqlite:$kdb"); check_eq "chain verifies after 5 rounds of kill -9" $? 0
n=$(sqlite3 "$kdb" "SELECT count(*) FROM audit_log")
check "writers got records in before being killed ($n)" test "$n" -gt 0
check_contains "verify counts every record" "$out" "$n records"
check_eq "registry writes and audit records committed together" \
	"$(sqlite3 "$kdb" "SELECT count(*) FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM instansi i WHERE CAST(i.id AS TEXT) = a.object_id)")" 0
tap_done
