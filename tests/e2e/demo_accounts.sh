# The demo data set ('wasdal seed demo') as the web tests use it. Sourced
# after lib.sh; demo_setup DB_URL migrates, seeds and loads the names below
# (or call demo_load DB_URL SEED_OUTPUT once the database is seeded).
# Accounts and passwords are read from what 'seed demo' prints; employees are
# picked from the CSV export, so the tests follow the seed if it changes.
#   A = an active employee of Kabupaten Banyumas (kode 3302), whose BKPSDM
#       account is bkpsdm.banyumas;  B = an active one of Kota Semarang (3374).

demo_password() { # seed-output username
	awk -v u="$2" '$1 == u { print $2; exit }' "$1"
}

demo_pick() { # db instansi_kode -> shell assignments for the first active row
	"$WASDAL_BIN" export pegawai --instansi "$2" --db "$1" 2>/dev/null | python3 -c '
import csv, shlex, sys
rows = sorted((r for r in csv.DictReader(sys.stdin) if r["status"] == "aktif"), key=lambda r: r["nip"])
r = rows[0]
for k in ("nip", "nama", "jenis_asn", "golongan", "jenis_jabatan", "jenjang", "jabatan",
          "instansi_kode", "unit_kode"):
    print("DEMO_%s_%s=%s" % (sys.argv[1], k.upper(), shlex.quote(r[k])))
' "$3"
}

demo_load() { # db seed-output
	DEMO_ADMIN=admin
	DEMO_ADMIN_PASSWORD=$(demo_password "$2" admin)
	DEMO_BKPSDM_A=bkpsdm.banyumas
	DEMO_BKPSDM_A_PASSWORD=$(demo_password "$2" bkpsdm.banyumas)
	DEMO_AUDITOR=auditor
	DEMO_AUDITOR_PASSWORD=$(demo_password "$2" auditor)
	eval "$(demo_pick "$1" 3302 A)"
	eval "$(demo_pick "$1" 3374 B)"
	DEMO_NIP_A=$DEMO_A_NIP
	DEMO_NIP_B=$DEMO_B_NIP
}

demo_setup() { # db: migrate and seed demo (output in $T_DIR/seed.out), then demo_load
	"$WASDAL_BIN" migrate --db "$1" >/dev/null 2>&1 &&
		"$WASDAL_BIN" seed demo --db "$1" >"$T_DIR/seed.out" 2>&1
	ok $? "demo database (migrate, seed demo)"
	demo_load "$1" "$T_DIR/seed.out"
}
