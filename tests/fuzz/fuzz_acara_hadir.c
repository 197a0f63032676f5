/* libFuzzer target: an attendance CSV (app/acara_hadir.c) imported into an
 * event on an in-memory SQLite store with a few employees. The first byte
 * picks strict or partial. Checks the report adds up and that a strict
 * import with a bad row records nothing. */
#include "core/compat.h"
#include "app/acara.h"
#include "app/auth.h"
#include "core/err.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *S;
static struct principal P;
static int64_t ID;

static void put(const char *nip, int64_t inst, const char *status)
{
	struct pegawai p;
	int changed;
	memset(&p, 0, sizeof(p));
	snprintf(p.nip, sizeof(p.nip), "%s", nip);
	snprintf(p.nama, sizeof(p.nama), "Pegawai");
	snprintf(p.jenis_asn, sizeof(p.jenis_asn), "PNS");
	snprintf(p.golongan, sizeof(p.golongan), "III/a");
	snprintf(p.jenis_jabatan, sizeof(p.jenis_jabatan), "pelaksana");
	snprintf(p.status, sizeof(p.status), "%s", status);
	p.instansi_id = inst;
	if (store_pegawai_upsert(S, &p, &changed))
		abort();
}

static void setup(void)
{
	int from, to;
	if (store_open("sqlite::memory:", &S) || store_migrate(S, &from, &to) ||
	    store_tx_begin(S, STORE_TX_WRITE))
		abort();
	struct instansi root = { .kode = "NAS", .nama = "Nasional", .jenis = INSTANSI_NASIONAL };
	struct instansi a = { .kode = "3302", .nama = "Banyumas", .jenis = INSTANSI_KABKOTA };
	struct instansi b = { .kode = "3374", .nama = "Semarang", .jenis = INSTANSI_KABKOTA };
	if (store_instansi_put(S, &root))
		abort();
	a.parent_id = b.parent_id = root.id;
	if (store_instansi_put(S, &a) || store_instansi_put(S, &b))
		abort();
	put("199001012015031001", a.id, "aktif");
	put("199001012015031002", a.id, "aktif");
	put("199001012015032003", a.id, "pensiun");
	put("199001012015031004", b.id, "aktif");
	if (store_tx_commit(S))
		abort();
	auth_principal_cli("fuzz", &P);
	struct acara_input in = { .jenis = "sosialisasi", .topik = "Fuzz", .mulai = "2026-01-05T09:00",
				  .selesai = "2026-01-05T10:00", .tempat = "Aula", .instansi_kode = "3302" };
	struct acara out;
	struct field_errors fe;
	if (acara_save(S, &P, 0, &in, &out, &fe))
		abort();
	ID = out.id;
}

static int64_t present(void)
{
	struct acara a;
	if (acara_get(S, &P, ID, &a))
		abort();
	return a.hadir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!S)
		setup();
	if (size < 1)
		return 0;
	int partial = data[0] & 1;
	int64_t before = present();
	FILE *in = fmemopen((void *)(data + 1), size - 1, "r");
	if (!in)
		return 0;
	struct import_opts o = { .partial = partial };
	struct acara_hadir_stats st;
	int rc = acara_hadir_import_csv(S, &P, ID, in, &o, &st);
	fclose(in);
	if (rc && rc != APP_EINVAL)
		abort();
	if (st.ok + st.bad < st.rows || st.ok > st.rows)
		abort();
	int64_t after = present();
	if (rc == 0 && (!st.committed || st.baru + st.sudah != st.ok || after != before + st.baru))
		abort();
	if (rc == APP_EINVAL && (st.committed || after != before))
		abort();
	if (after > 2) /* only the two active employees of 3302 are in the target */
		abort();
	return 0;
}
