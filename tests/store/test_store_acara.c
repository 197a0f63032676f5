/* Conformance of the events area (store/store_acara.h) on every backend:
 * events, idempotent attendance, target lists, coverage counts and
 * material files. Run by tests/store/run.sh with STORE_URL on SQLite and
 * on PostgreSQL. */
#include "core/compat.h"
#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_acara.h"
#include "store_suite.h"

static int64_t INST, INST2, U1, U2;
static int64_t PEG[6];
static char PATH[256];

static int64_t put_instansi(const char *kode, int64_t parent, char *path)
{
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "%s", kode);
	snprintf(in.nama, sizeof(in.nama), "Instansi %s", kode);
	in.jenis = parent ? INSTANSI_KABKOTA : INSTANSI_NASIONAL;
	in.parent_id = parent;
	assert_int_eq(store_instansi_put(S, &in), 0);
	if (path)
		snprintf(path, 256, "%s", in.path);
	return in.id;
}

static int64_t put_unit(int64_t inst, const char *kode)
{
	struct unit_kerja u = { 0 };
	u.instansi_id = inst;
	snprintf(u.kode, sizeof(u.kode), "%s", kode);
	snprintf(u.nama, sizeof(u.nama), "Unit %s", kode);
	assert_int_eq(store_unit_put(S, &u), 0);
	return u.id;
}

static int64_t put_pegawai(const char *nip, int64_t inst, int64_t unit, const char *status)
{
	struct pegawai p;
	memset(&p, 0, sizeof(p));
	snprintf(p.nip, sizeof(p.nip), "%s", nip);
	snprintf(p.nama, sizeof(p.nama), "Pegawai %s", nip + 14);
	snprintf(p.jenis_asn, sizeof(p.jenis_asn), "PNS");
	snprintf(p.golongan, sizeof(p.golongan), "III/a");
	snprintf(p.jenis_jabatan, sizeof(p.jenis_jabatan), "pelaksana");
	snprintf(p.jabatan, sizeof(p.jabatan), "Pengadministrasi");
	snprintf(p.status, sizeof(p.status), "%s", status);
	p.instansi_id = inst;
	p.unit_id = unit;
	int changed;
	assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
	return p.id;
}

/* The suite's store, then the rows every test reads. */
static int setup(void **state)
{
	if (open_suite(state))
		return -1;
	if (store_tx_begin(S, STORE_TX_WRITE))
		return -1;
	int64_t root = put_instansi("ACR-NAS", 0, NULL);
	INST = put_instansi("ACR-BMS", root, PATH);
	INST2 = put_instansi("ACR-CLP", root, NULL);
	U1 = put_unit(INST, "U1");
	U2 = put_unit(INST, "U2");
	PEG[0] = put_pegawai("199001012015031001", INST, U1, "aktif");
	PEG[1] = put_pegawai("199001012015031002", INST, U1, "aktif");
	PEG[2] = put_pegawai("199001012015031003", INST, U2, "aktif");
	PEG[3] = put_pegawai("199001012015031004", INST, 0, "aktif");
	PEG[4] = put_pegawai("199001012015031005", INST, U2, "pensiun");
	PEG[5] = put_pegawai("199001012015031006", INST2, 0, "aktif");
	return store_tx_commit(S);
}

static void fill(struct acara *a, const char *kode, const char *jenis, int64_t mulai, int64_t unit)
{
	memset(a, 0, sizeof(*a));
	snprintf(a->kode, sizeof(a->kode), "%s", kode);
	snprintf(a->jenis, sizeof(a->jenis), "%s", jenis);
	snprintf(a->topik, sizeof(a->topik), "Netralitas ASN %s", kode);
	a->mulai_ms = mulai;
	a->selesai_ms = mulai + 3600000;
	snprintf(a->tempat, sizeof(a->tempat), "Pendopo");
	a->instansi_id = INST;
	a->sasaran_unit_id = unit;
}

static int64_t new_acara(const char *kode, const char *jenis, int64_t mulai, int64_t unit)
{
	struct acara a;
	fill(&a, kode, jenis, mulai, unit);
	BEGIN_W();
	int rc = store_acara_insert(S, &a);
	if (rc)
		print_error("insert: %s\n", store_last_error(S));
	assert_int_eq(rc, 0);
	COMMIT();
	return a.id;
}

static int count_acara(void *ctx, const struct acara *a)
{
	(void)a;
	(*(int *)ctx)++;
	return 0;
}

static void events_crud_scope(void **state)
{
	(void)state;
	int64_t id = new_acara("CRUD01", "apel", 1000000, 0);
	struct acara a, b;
	assert_int_eq(store_acara_get(S, id, &a), 0);
	assert_str_eq(a.kode, "CRUD01");
	assert_str_eq(a.jenis, "apel");
	assert_str_eq(a.instansi_path, PATH);
	assert_int_eq(a.sasaran_unit_id, 0);
	assert_int_eq(a.hadir, 0);
	assert_int_eq(store_acara_get_by_kode(S, "CRUD01", &b), 0);
	assert_int_eq(b.id, id);
	assert_int_eq(store_acara_get_by_kode(S, "NOPE99", &b), APP_ENOTFOUND);
	assert_int_eq(store_acara_get(S, 999999, &b), APP_ENOTFOUND);

	/* update keeps kode and created_ms */
	snprintf(a.topik, sizeof(a.topik), "Topik baru");
	a.sasaran_unit_id = U2;
	a.unit_id = U1;
	a.updated_ms = a.created_ms + 5;
	BEGIN_W();
	assert_int_eq(store_acara_update(S, &a), 0);
	COMMIT();
	assert_int_eq(store_acara_get(S, id, &b), 0);
	assert_str_eq(b.topik, "Topik baru");
	assert_int_eq(b.sasaran_unit_id, U2);
	assert_int_eq(b.unit_id, U1);
	assert_int_eq(b.created_ms, a.created_ms);

	/* a kode in use, an end before the start, a unit of another instansi */
	struct acara c;
	fill(&c, "CRUD01", "apel", 1000000, 0);
	BEGIN_W();
	assert_int_eq(store_acara_insert(S, &c), APP_ECONFLICT);
	store_tx_rollback(S);
	fill(&c, "CRUD02", "apel", 1000000, 0);
	c.selesai_ms = c.mulai_ms;
	BEGIN_W();
	assert_int_eq(store_acara_insert(S, &c), APP_ECONSTRAINT);
	store_tx_rollback(S);
	fill(&c, "CRUD03", "apel", 1000000, 0);
	c.instansi_id = INST2;
	c.sasaran_unit_id = U1;
	BEGIN_W();
	assert_int_eq(store_acara_insert(S, &c), APP_ECONSTRAINT);
	store_tx_rollback(S);

	/* scope: national sees it, the other kab/kota does not */
	int n = 0;
	assert_int_eq(store_acara_list(S, "/", 0, 0, count_acara, &n), 0);
	assert_true(n >= 1);
	struct instansi other;
	assert_int_eq(store_instansi_get(S, INST2, &other), 0);
	n = 0;
	assert_int_eq(store_acara_list(S, other.path, 0, 0, count_acara, &n), 0);
	assert_int_eq(n, 0);
	n = 0;
	assert_int_eq(store_acara_list(S, PATH, 0, 1, count_acara, &n), 0);
	assert_int_eq(n, 1);
	/* paging by start time: nothing starts before 1000000 */
	n = 0;
	assert_int_eq(store_acara_list(S, PATH, 1000000, 0, count_acara, &n), 0);
	assert_int_eq(n, 0);
}

struct peserta {
	int n;
	char nip[8][19];
	int hadir[8];
	char cara[8][12];
};

static int collect_peserta(void *ctx, const struct acara_peserta *p)
{
	struct peserta *c = ctx;
	if (c->n < 8) {
		snprintf(c->nip[c->n], 19, "%s", p->nip);
		c->hadir[c->n] = p->hadir;
		snprintf(c->cara[c->n], 12, "%s", p->cara);
	}
	c->n++;
	return 0;
}

static void attendance_idempotent_and_target(void **state)
{
	(void)state;
	int64_t id = new_acara("HADIR1", "sosialisasi", 2000000, 0);
	struct acara a;
	assert_int_eq(store_acara_get(S, id, &a), 0);
	int ins = -1;
	BEGIN_W();
	assert_int_eq(store_acara_hadir_put(S, id, PEG[0], "impor", 0, &ins), 0);
	assert_int_eq(ins, 1);
	assert_int_eq(store_acara_hadir_put(S, id, PEG[0], "kode", 0, &ins), 0);
	assert_int_eq(ins, 0);
	assert_int_eq(store_acara_hadir_put(S, id, PEG[2], "centang", 0, &ins), 0);
	assert_int_eq(ins, 1);
	COMMIT();
	/* outside a transaction a write is refused */
	assert_int_eq(store_acara_hadir_put(S, id, PEG[1], "kode", 0, &ins), APP_EINTERNAL);
	/* a bad cara violates the check */
	BEGIN_W();
	assert_int_eq(store_acara_hadir_put(S, id, PEG[1], "lain", 0, &ins), APP_ECONSTRAINT);
	store_tx_rollback(S);

	assert_int_eq(store_acara_get(S, id, &a), 0);
	assert_int_eq(a.hadir, 2);
	struct peserta c = { 0 };
	assert_int_eq(store_acara_peserta_list(S, &a, "", 0, collect_peserta, &c), 0);
	/* active employees of the instansi: 4 (the pensioner is left out) */
	assert_int_eq(c.n, 4);
	assert_str_eq(c.nip[0], "199001012015031001");
	assert_int_eq(c.hadir[0], 1);
	assert_str_eq(c.cara[0], "impor"); /* the first record is kept */
	assert_int_eq(c.hadir[1], 0);
	assert_int_eq(c.hadir[2], 1);
	/* paging */
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_acara_peserta_list(S, &a, "199001012015031002", 1, collect_peserta, &c), 0);
	assert_int_eq(c.n, 1);
	assert_str_eq(c.nip[0], "199001012015031003");
	int64_t sas, hd;
	assert_int_eq(store_acara_peserta_count(S, &a, &sas, &hd), 0);
	assert_int_eq(sas, 4);
	assert_int_eq(hd, 2);
	/* a target unit narrows the list */
	a.sasaran_unit_id = U1;
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_acara_peserta_list(S, &a, "", 0, collect_peserta, &c), 0);
	assert_int_eq(c.n, 2);
	assert_int_eq(store_acara_peserta_count(S, &a, &sas, &hd), 0);
	assert_int_eq(sas, 2);
	assert_int_eq(hd, 1);
}

struct cak {
	int n;
	struct acara_cakupan_row r[8];
};

static int collect_cak(void *ctx, const struct acara_cakupan_row *r)
{
	struct cak *c = ctx;
	if (c->n < 8)
		c->r[c->n] = *r;
	c->n++;
	return 0;
}

static const struct acara_cakupan_row *row_of(const struct cak *c, int64_t unit)
{
	for (int i = 0; i < c->n; i++)
		if (c->r[i].unit_id == unit)
			return &c->r[i];
	return NULL;
}

static void coverage_counts_period_and_kind(void **state)
{
	(void)state;
	/* A fresh period far from the other tests' events. */
	int64_t t0 = 5000000000000LL;
	int64_t s1 = new_acara("COVER1", "sosialisasi", t0 + 1000, 0);
	int64_t s2 = new_acara("COVER2", "sosialisasi", t0 + 90000000, 0);  /* after the period */
	int64_t ap = new_acara("COVER3", "apel", t0 + 2000, 0);
	int ins;
	BEGIN_W();
	assert_int_eq(store_acara_hadir_put(S, s1, PEG[0], "impor", 0, &ins), 0);
	assert_int_eq(store_acara_hadir_put(S, s1, PEG[3], "impor", 0, &ins), 0);
	assert_int_eq(store_acara_hadir_put(S, s2, PEG[1], "impor", 0, &ins), 0);
	assert_int_eq(store_acara_hadir_put(S, ap, PEG[2], "impor", 0, &ins), 0);
	/* a pensioner's attendance does not count: not an active employee */
	assert_int_eq(store_acara_hadir_put(S, s1, PEG[4], "impor", 0, &ins), 0);
	COMMIT();
	struct cak c = { 0 };
	assert_int_eq(store_acara_cakupan(S, INST, t0, t0 + 86400000, collect_cak, &c), 0);
	assert_int_eq(c.n, 3);
	const struct acara_cakupan_row *r1 = row_of(&c, U1), *r2 = row_of(&c, U2), *r0 = row_of(&c, 0);
	assert_non_null(r1);
	assert_non_null(r2);
	assert_non_null(r0);
	assert_int_eq(r1->pegawai, 2);
	assert_int_eq(r1->terjangkau, 1); /* PEG1's sosialisasi is after the period */
	assert_int_eq(r2->pegawai, 1);
	assert_int_eq(r2->terjangkau, 0); /* an apel is not a sosialisasi */
	assert_int_eq(r0->pegawai, 1);
	assert_int_eq(r0->terjangkau, 1);
	struct peserta b = { 0 };
	assert_int_eq(store_acara_belum_list(S, INST, t0, t0 + 86400000, collect_peserta, &b), 0);
	assert_int_eq(b.n, 2);
	assert_str_eq(b.nip[0], "199001012015031002");
	assert_str_eq(b.nip[1], "199001012015031003");
	/* the wider period reaches PEG1 too */
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_acara_cakupan(S, INST, t0, t0 + 2 * 86400000LL, collect_cak, &c), 0);
	assert_int_eq(row_of(&c, U1)->terjangkau, 2);
}

struct mat {
	int n;
	struct acara_materi m[4];
};

static int collect_mat(void *ctx, const struct acara_materi *m)
{
	struct mat *c = ctx;
	if (c->n < 4)
		c->m[c->n] = *m;
	c->n++;
	return 0;
}

static void material_files_by_hash(void **state)
{
	(void)state;
	int64_t id = new_acara("MATER1", "sosialisasi", 3000000, 0);
	int64_t id2 = new_acara("MATER2", "sosialisasi", 3000000, 0);
	static const unsigned char bytes[] = { '%', 'P', 'D', 'F', 0, 0xff, 0x80, '\n', 0, 7 };
	struct acara_materi m = { 0 };
	m.acara_id = id;
	snprintf(m.sha256, sizeof(m.sha256), "%064d", 7);
	snprintf(m.nama, sizeof(m.nama), "materi.pdf");
	snprintf(m.mime, sizeof(m.mime), "application/pdf");
	int ins = -1;
	BEGIN_W();
	assert_int_eq(store_acara_materi_put(S, &m, bytes, sizeof(bytes), &ins), 0);
	assert_int_eq(ins, 1);
	assert_int_eq(store_acara_materi_put(S, &m, bytes, sizeof(bytes), &ins), 0);
	assert_int_eq(ins, 0);
	m.acara_id = id2; /* the same bytes for another event: stored once */
	assert_int_eq(store_acara_materi_put(S, &m, bytes, sizeof(bytes), &ins), 0);
	assert_int_eq(ins, 1);
	COMMIT();
	struct mat c = { 0 };
	assert_int_eq(store_acara_materi_list(S, id, collect_mat, &c), 0);
	assert_int_eq(c.n, 1);
	assert_str_eq(c.m[0].nama, "materi.pdf");
	assert_int_eq(c.m[0].ukuran, sizeof(bytes));
	struct buf out;
	buf_init(&out, BUF_NOLIMIT);
	struct acara_materi meta;
	assert_int_eq(store_acara_materi_get(S, id2, m.sha256, &meta, &out), 0);
	assert_int_eq(out.len, sizeof(bytes));
	assert_memory_equal(out.ptr, bytes, sizeof(bytes));
	assert_str_eq(meta.mime, "application/pdf");
	buf_reset(&out);
	char other[65];
	snprintf(other, sizeof(other), "%064d", 8);
	assert_int_eq(store_acara_materi_get(S, id, other, &meta, &out), APP_ENOTFOUND);
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(events_crud_scope),
		cmocka_unit_test(attendance_idempotent_and_target),
		cmocka_unit_test(coverage_counts_period_and_kind),
		cmocka_unit_test(material_files_by_hash),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store acara", tests, setup, close_suite);
}
