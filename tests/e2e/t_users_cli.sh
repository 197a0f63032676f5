#!/usr/bin/env bash
# Accounts from the command line: add, passwd, disable, list, token, and
# who may do what (--actor), all audited.
. "$(dirname "$0")/lib.sh"
DB="sqlite:$T_DIR/u.db"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
audit_n() { W audit verify | grep -oE '[0-9]+ (catatan|records)' | grep -oE '^[0-9]+'; }

W seed demo >/dev/null; check_eq "seed demo" $? 0
a0=$(audit_n)
out=$(echo "kata-sandi-cukup-1" | W user add Operator1 --role bkpsdm --instansi 3302 --nama "Operator Satu" --password-stdin 2>&1)
check_eq "user add exits 0" $? 0
check_contains "user add confirms" "$out" "operator1"
check_eq "user add is audited" "$(audit_n)" $((a0 + 1))
out=$(W user list 2>&1)
check_contains "list shows the new account" "$out" "operator1"
check_contains "list shows role" "$out" "bkpsdm"
check_not_contains "list never shows hashes" "$out" "argon2"
hash=$(sqlite3 "$T_DIR/u.db" "select password_hash from users where username='operator1'")
check_contains "password stored as Argon2id" "$hash" '$argon2id$'

out=$(echo "pendek" | W user add op2 --role bkpsdm --instansi 3302 --password-stdin 2>&1); rc=$?
check_eq "short password refused (exit 1)" $rc 1
check_contains "…with the reason" "$out" "kata sandi terlalu pendek"
out=$(echo "kata-sandi-cukup-1" | W user add operator1 --role bkpsdm --instansi 3302 --password-stdin 2>&1); rc=$?
check_eq "duplicate username refused" $rc 1
check_contains "…username taken" "$out" "sudah dipakai"
out=$(echo "kata-sandi-cukup-1" | W user add op3 --role raja --instansi 3302 --password-stdin 2>&1); rc=$?
check_eq "unknown role refused" $rc 1
out=$(echo "kata-sandi-cukup-1" | W user add op4 --role bkpsdm --instansi 9999 --password-stdin 2>&1); rc=$?
check_eq "unknown instansi refused" $rc 1
W user add >/dev/null 2>&1; check_eq "user add without args is bad usage" $? 2

out=$(echo "kata-sandi-baru-22" | W user passwd operator1 --password-stdin 2>&1); rc=$?
check_eq "passwd exits 0" $rc 0
hash2=$(sqlite3 "$T_DIR/u.db" "select password_hash from users where username='operator1'")
check "passwd changed the hash" test "$hash" != "$hash2"

tok=$(W user token operator1 "integrasi simpeg" 2>/dev/null); rc=$?
check_eq "token exits 0" $rc 0
check "token is 64 hex characters" bash -c "[[ '$tok' =~ ^[0-9a-f]{64}$ ]]"
stored=$(sqlite3 "$T_DIR/u.db" "select token_hash from api_tokens where name='integrasi simpeg'")
check "only the token's hash is stored" test -n "$stored" -a "$stored" != "$tok"

# scoped administration: a bkpsdm may create ASN accounts of its own kabupaten only
nip=$(sqlite3 "$T_DIR/u.db" "select p.nip from pegawai p join instansi i on i.id=p.instansi_id where i.kode='3302' and p.blokir=0 order by p.nip limit 1 offset 3")
out=$(echo "kata-sandi-cukup-1" | W user add asn.dua --role asn --instansi 3302 --nip "$nip" --password-stdin --actor bkpsdm.banyumas 2>&1)
check_eq "bkpsdm adds an ASN account of its kabupaten" $? 0
out=$(echo "kata-sandi-cukup-1" | W user add boss --role admin --instansi 3302 --password-stdin --actor bkpsdm.banyumas 2>&1); rc=$?
check_eq "bkpsdm cannot create an admin" $rc 1
W user disable bawaslu.jateng --actor bkpsdm.banyumas >/dev/null 2>&1
check_eq "bkpsdm cannot disable an account outside its scope" $? 1
W user list --actor asn.banyumas >/dev/null 2>&1
check_eq "asn cannot list accounts" $? 1
W user list --actor nobody >/dev/null 2>&1
check_eq "unknown --actor is bad usage" $? 2

out=$(W user disable operator1 2>&1); rc=$?
check_eq "disable exits 0" $rc 0
out=$(W user list 2>&1)
check_contains "list shows disabled" "$(printf '%s\n' "$out" | grep operator1)" "nonaktif"
W user list --actor operator1 >/dev/null 2>&1
check_eq "a disabled account cannot act" $? 2
W audit verify >/dev/null; check_eq "audit chain intact" $? 0
n=$(sqlite3 "$T_DIR/u.db" "select count(*) from audit_log where object_type='user' and action in ('create','passwd','token_create','disable')")
check_eq "every account change is audited" "$n" $((12 + 1 + 1 + 1 + 1 + 1))
tap_done
