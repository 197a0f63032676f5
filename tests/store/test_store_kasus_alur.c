/* Conformance of the case workflow area (src/store/store_kasus_alur.h), run
 * on both backends by tests/store/run.sh: workflow versions, transition
 * history, the stage clock, pauses, notes, tags, sanctions and the officer
 * queue with its scope, stage, due-day, tag and employee filters. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_kasus.h"
#include "store/store_kasus_alur.h"
#include "kasus_fixture.h"
#include "store_suite.h"

/* Two sibling kab/kota under one province, an employee in the first. */
static int64_t prov_id, kab_a, kab_b, pegawai_id;
static char prov_path[256], path_a[256], path_b[256];
static int64_t kasus_a1, kasus_a2, kasus_b1, kasus_nasional;

static int64_t put_instansi(const char *kode, enum instansi_jenis jenis, int64_t parent, char *path)
{
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "%s", kode);
	snprintf(in.nama, sizeof(in.nama), "Instansi %s", kode);
	in.jenis = jenis;
	in.parent_id = parent;
	OK(store_instansi_put(S, &in));
	snprintf(path, 256, "%s", in.path);
	return in.id;
}

static int64_t put_kasus(char receipt_char, int64_t instansi, const char *tahap, int32_t due)
{
	struct kasus k;
	kasus_fixture_fill(&k, receipt_char, "pemilu", tahap);
	k.tenggat_hari = due;
	k.instansi_id = instansi;
	k.pegawai_id = instansi == kab_a ? pegawai_id : 0;
	snprintf(k.terlapor_nama, sizeof(k.terlapor_nama), "Terlapor %c", receipt_char);
	snprintf(k.kronologi, sizeof(k.kronologi), "Kronologi %c", receipt_char);
	snprintf(k.pelapor_mode, sizeof(k.pelapor_mode), "anonim");
	OK(store_kasus_insert(S, &k));
	return k.id;
}

static void fixtures(void **state)
{
	(void)state;
	BEGIN_W();
	prov_id = put_instansi("KA-PROV", INSTANSI_PROVINSI, 0, prov_path);
	kab_a = put_instansi("KA-KAB-A", INSTANSI_KABKOTA, prov_id, path_a);
	kab_b = put_instansi("KA-KAB-B", INSTANSI_KABKOTA, prov_id, path_b);
	struct pegawai p;
	kasus_fixture_pegawai(&p, "199001012015011001", "Terlapor A", kab_a);
	int changed;
	OK(store_pegawai_upsert(S, &p, &changed));
	pegawai_id = p.id;
	kasus_a1 = put_kasus('1', kab_a, "kajian_bawaslu", 20600);
	kasus_a2 = put_kasus('2', kab_a, "tindak_lanjut_ppk", 20590);
	kasus_b1 = put_kasus('3', kab_b, "kajian_bawaslu", 20580);
	kasus_nasional = put_kasus('4', 0, "diterima", 0);
	COMMIT();
}

static int count_versi(void *ctx, const struct workflow_versi *v)
{
	int *n = ctx;
	assert_null(v->tahapan_csv);
	(*n)++;
	return 0;
}

static void workflow_versions(void **state)
{
	(void)state;
	struct workflow_versi v;
	assert_int_eq(store_workflow_versi_get(S, 0, &v), APP_ENOTFOUND);
	struct workflow_versi a = { .tahapan_csv = "kode\nx\n", .transisi_csv = "dari\n" };
	snprintf(a.pembuat, sizeof(a.pembuat), "admin");
	assert_int_eq(store_workflow_versi_insert(S, &a), APP_EINTERNAL); /* outside a write tx */
	BEGIN_W();
	OK(store_workflow_versi_insert(S, &a));
	assert_int_eq(a.versi, 1);
	struct workflow_versi b = { .tahapan_csv = "kode\ny\n", .transisi_csv = "dari\nz\n" };
	snprintf(b.pembuat, sizeof(b.pembuat), "admin2");
	snprintf(b.catatan, sizeof(b.catatan), "PPK 10 hari");
	OK(store_workflow_versi_insert(S, &b));
	assert_int_eq(b.versi, 2);
	COMMIT();
	OK(store_workflow_versi_get(S, 0, &v));
	assert_int_eq(v.versi, 2);
	assert_str_eq(v.tahapan_csv, "kode\ny\n");
	assert_str_eq(v.catatan, "PPK 10 hari");
	store_workflow_versi_release(&v);
	OK(store_workflow_versi_get(S, 1, &v));
	assert_str_eq(v.transisi_csv, "dari\n");
	assert_str_eq(v.pembuat, "admin");
	store_workflow_versi_release(&v);
	assert_int_eq(store_workflow_versi_get(S, 9, &v), APP_ENOTFOUND);
	int n = 0;
	OK(store_workflow_versi_list(S, count_versi, &n));
	assert_int_eq(n, 2);
}

struct langkah_seen {
	int n;
	char last_ke[40];
	int32_t last_due;
	char isian[128];
};

static int see_langkah(void *ctx, const struct kasus_langkah *l)
{
	struct langkah_seen *w = ctx;
	w->n++;
	snprintf(w->last_ke, sizeof(w->last_ke), "%s", l->ke);
	w->last_due = l->tenggat_hari;
	snprintf(w->isian, sizeof(w->isian), "%.100s", l->isian);
	return 0;
}

static void history_and_clock(void **state)
{
	(void)state;
	static struct kasus_langkah l;
	memset(&l, 0, sizeof(l));
	l.kasus_id = kasus_a1;
	snprintf(l.dari, sizeof(l.dari), "verifikasi_satgas");
	snprintf(l.ke, sizeof(l.ke), "kajian_bawaslu");
	snprintf(l.aktor, sizeof(l.aktor), "bkn.satu");
	snprintf(l.peran, sizeof(l.peran), "bkn");
	l.mulai_hari = 20590;
	l.tenggat_hari = 20597;
	l.workflow_versi = 1;
	BEGIN_W();
	OK(store_kasus_langkah_insert(S, &l));
	assert_true(l.id > 0);
	l.id = 0;
	snprintf(l.dari, sizeof(l.dari), "kajian_bawaslu");
	snprintf(l.ke, sizeof(l.ke), "rekomendasi_bkn");
	snprintf(l.isian, sizeof(l.isian), "{\"hasil_kajian\":\"terbukti\"}");
	l.tenggat_hari = 0; /* no deadline: stored as NULL, read back as 0 */
	OK(store_kasus_langkah_insert(S, &l));
	struct kasus_jam_row j = { .kasus_id = kasus_a1, .mulai_hari = 20590 };
	OK(store_kasus_jam_put(S, &j));
	j.diperpanjang = 1;
	j.mulai_hari = 20591;
	OK(store_kasus_jam_put(S, &j)); /* upsert */
	COMMIT();
	struct langkah_seen w = { 0 };
	OK(store_kasus_langkah_list(S, kasus_a1, see_langkah, &w));
	assert_int_eq(w.n, 2);
	assert_str_eq(w.last_ke, "rekomendasi_bkn");
	assert_int_eq(w.last_due, 0);
	assert_str_eq(w.isian, "{\"hasil_kajian\":\"terbukti\"}");
	struct kasus_jam_row r;
	OK(store_kasus_jam_get(S, kasus_a1, &r));
	assert_int_eq(r.mulai_hari, 20591);
	assert_int_eq(r.diperpanjang, 1);
	assert_int_eq(store_kasus_jam_get(S, kasus_b1, &r), APP_ENOTFOUND);
}

static void pauses(void **state)
{
	(void)state;
	BEGIN_W();
	assert_int_eq(store_kasus_jeda_tutup(S, kasus_a2, 20600), APP_ENOTFOUND);
	store_tx_rollback(S);
	BEGIN_W();
	OK(store_kasus_jeda_buka(S, kasus_a2, 20600));
	COMMIT();
	BEGIN_W();
	assert_int_eq(store_kasus_jeda_buka(S, kasus_a2, 20601), APP_ECONFLICT);
	store_tx_rollback(S);
	struct kasus_jeda_row rows[4];
	size_t n;
	OK(store_kasus_jeda_list(S, kasus_a2, rows, 4, &n));
	assert_int_eq(n, 1);
	assert_int_eq(rows[0].selesai_hari, INT32_MAX);
	BEGIN_W();
	OK(store_kasus_jeda_tutup(S, kasus_a2, 20603));
	OK(store_kasus_jeda_buka(S, kasus_a2, 20610));
	OK(store_kasus_jeda_tutup(S, kasus_a2, 20611));
	COMMIT();
	OK(store_kasus_jeda_list(S, kasus_a2, rows, 4, &n));
	assert_int_eq(n, 2);
	assert_int_eq(rows[0].mulai_hari, 20600);
	assert_int_eq(rows[0].selesai_hari, 20603);
	assert_int_eq(rows[1].selesai_hari, 20611);
}

static int see_catatan(void *ctx, const struct kasus_catatan *c)
{
	snprintf(ctx, 64, "%.20s:%.40s", c->aktor, c->teks);
	return 0;
}

static void notes_and_tags(void **state)
{
	(void)state;
	struct kasus_catatan c = { .kasus_id = kasus_b1 };
	snprintf(c.aktor, sizeof(c.aktor), "bawaslu.b");
	snprintf(c.teks, sizeof(c.teks), "Minta BAP klarifikasi");
	BEGIN_W();
	OK(store_kasus_catatan_insert(S, &c));
	OK(store_kasus_tag_add(S, kasus_b1, "prioritas"));
	OK(store_kasus_tag_add(S, kasus_b1, "medsos"));
	COMMIT();
	char seen[64] = "";
	OK(store_kasus_catatan_list(S, kasus_b1, see_catatan, seen));
	assert_str_eq(seen, "bawaslu.b:Minta BAP klarifikasi");
	BEGIN_W();
	assert_int_eq(store_kasus_tag_add(S, kasus_b1, "medsos"), APP_ECONFLICT);
	store_tx_rollback(S);
	char tags[4][40];
	size_t n;
	OK(store_kasus_tag_list(S, kasus_b1, tags, 4, &n));
	assert_int_eq(n, 2);
	assert_str_eq(tags[0], "medsos");
	assert_str_eq(tags[1], "prioritas");
	BEGIN_W();
	OK(store_kasus_tag_remove(S, kasus_b1, "prioritas"));
	assert_int_eq(store_kasus_tag_remove(S, kasus_b1, "prioritas"), APP_ENOTFOUND);
	store_tx_rollback(S);
	OK(store_kasus_tag_list(S, kasus_b1, tags, 4, &n));
	assert_int_eq(n, 2); /* rolled back with the failed remove */
}

struct sanksi_seen {
	int n;
	char last[160];
};

static int see_sanksi(void *ctx, const struct kasus_sanksi *k)
{
	struct sanksi_seen *w = ctx;
	w->n++;
	snprintf(w->last, sizeof(w->last), "%s/%s/%u/%s", k->kasus_nomor, k->jenis, k->flags,
		 k->nomor_sk);
	return 0;
}

static void sanctions(void **state)
{
	(void)state;
	struct kasus_sanksi k = { .kasus_id = kasus_a2, .pegawai_id = 0 };
	k.pegawai_id = pegawai_id;
	snprintf(k.jenis, sizeof(k.jenis), "ringan_b");
	snprintf(k.tingkat, sizeof(k.tingkat), "ringan");
	k.urutan = 4;
	snprintf(k.rekomendasi, sizeof(k.rekomendasi), "sedang");
	snprintf(k.nomor_sk, sizeof(k.nomor_sk), "800/12/BKPSDM/2026");
	k.tanggal_sk = 20620;
	k.flags = 1;
	snprintf(k.aktor, sizeof(k.aktor), "ppk.a");
	BEGIN_W();
	OK(store_kasus_sanksi_insert(S, &k));
	assert_true(k.id > 0);
	struct kasus_sanksi bad = k;
	snprintf(bad.tingkat, sizeof(bad.tingkat), "sangat");
	assert_true(store_kasus_sanksi_insert(S, &bad) < 0); /* CHECK on the level */
	store_tx_rollback(S);
	BEGIN_W();
	OK(store_kasus_sanksi_insert(S, &k));
	COMMIT();
	struct sanksi_seen w = { 0 };
	OK(store_kasus_sanksi_list(S, kasus_a2, 0, see_sanksi, &w));
	assert_int_eq(w.n, 1);
	assert_non_null(strstr(w.last, "/ringan_b/1/800/12/BKPSDM/2026"));
	w.n = 0;
	OK(store_kasus_sanksi_list(S, 0, pegawai_id, see_sanksi, &w));
	assert_int_eq(w.n, 1);
	assert_int_eq(store_kasus_sanksi_list(S, 0, 0, see_sanksi, &w), APP_EINVAL);
}

struct queue_seen {
	int n;
	int64_t ids[8];
};

static int see_queue(void *ctx, const struct kasus_ringkas *r)
{
	struct queue_seen *w = ctx;
	if (w->n < 8)
		w->ids[w->n] = r->id;
	w->n++;
	return 0;
}

static struct queue_seen queue(struct kasus_antrian_filter *f)
{
	struct queue_seen w = { 0 };
	OK(store_kasus_antrian(S, f, see_queue, &w));
	return w;
}

static void queues_and_scope(void **state)
{
	(void)state;
	struct kasus_antrian_filter f = { .scope = path_a };
	struct queue_seen w = queue(&f);
	/* Kab A sees its own two cases, most urgent first; never kab B's. */
	assert_int_eq(w.n, 2);
	assert_int_eq(w.ids[0], kasus_a2);
	assert_int_eq(w.ids[1], kasus_a1);
	f.scope = path_b;
	w = queue(&f);
	assert_int_eq(w.n, 1);
	assert_int_eq(w.ids[0], kasus_b1);
	f.scope = prov_path;
	w = queue(&f);
	assert_int_eq(w.n, 3);
	f.scope = "/";
	w = queue(&f);
	assert_int_eq(w.n, 4); /* national also sees the case with no instansi */
	f.tahap[0] = "kajian_bawaslu";
	f.ntahap = 1;
	w = queue(&f);
	assert_int_eq(w.n, 2);
	f.tahap[1] = "diterima";
	f.ntahap = 2;
	w = queue(&f);
	assert_int_eq(w.n, 3);
	f.ntahap = 0;
	f.tenggat_sampai = 20590;
	w = queue(&f);
	assert_int_eq(w.n, 2); /* due 20580 and 20590 */
	f.tenggat_sampai = 0;
	f.tag = "medsos";
	w = queue(&f);
	assert_int_eq(w.n, 1);
	assert_int_eq(w.ids[0], kasus_b1);
	f.tag = NULL;
	f.pegawai_id = pegawai_id;
	w = queue(&f);
	assert_int_eq(w.n, 2);
	f.pegawai_id = 0;
	f.limit = 1;
	f.offset = 1;
	w = queue(&f);
	assert_int_eq(w.n, 1);
	f.limit = 0;
	f.offset = 0;
	BEGIN_W();
	OK(store_kasus_set_petugas(S, kasus_a1, 0, 0));
	COMMIT();
	f.scope = "/9x/";
	struct queue_seen none = { 0 };
	assert_int_eq(store_kasus_antrian(S, &f, see_queue, &none), APP_EINVAL);
	f.scope = "/";
	f.tahap[0] = "a;b";
	f.ntahap = 1;
	assert_int_eq(store_kasus_antrian(S, &f, see_queue, &none), APP_EINVAL);
}

/* Keyset paging: one case per page, each page after the last one's
 * (due day or INT32_MAX, created_ms, id), walks the queue in its order. */
struct keyset_seen {
	int n;
	int64_t id;
	struct kasus_kursor last;
};

static int see_keyset(void *ctx, const struct kasus_ringkas *r)
{
	struct keyset_seen *w = ctx;
	w->n++;
	w->id = r->id;
	w->last.tenggat = r->tenggat_hari ? r->tenggat_hari : INT32_MAX;
	w->last.created_ms = r->created_ms;
	w->last.id = r->id;
	return 0;
}

static void queue_keyset_paging(void **state)
{
	(void)state;
	struct kasus_antrian_filter f = { .scope = "/" };
	struct queue_seen all = queue(&f);
	assert_int_eq(all.n, 4);
	f.limit = 1;
	for (int i = 0; i < all.n; i++) {
		struct keyset_seen w = { 0 };
		OK(store_kasus_antrian(S, &f, see_keyset, &w));
		assert_int_eq(w.n, 1);
		assert_int_eq(w.id, all.ids[i]);
		f.sesudah = w.last;
	}
	struct keyset_seen end = { 0 };
	OK(store_kasus_antrian(S, &f, see_keyset, &end));
	assert_int_eq(end.n, 0); /* after the last case: nothing */
	/* a position inside a scope still only lists that scope */
	f.scope = path_a;
	f.limit = 0;
	f.sesudah = (struct kasus_kursor){ 0, 0, 0 };
	struct queue_seen a = queue(&f);
	assert_int_eq(a.n, 2);
	struct keyset_seen first = { 0 };
	f.limit = 1;
	OK(store_kasus_antrian(S, &f, see_keyset, &first));
	f.sesudah = first.last;
	f.limit = 0;
	struct queue_seen rest = queue(&f);
	assert_int_eq(rest.n, 1);
	assert_int_eq(rest.ids[0], a.ids[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixtures),
		cmocka_unit_test(workflow_versions),
		cmocka_unit_test(history_and_clock),
		cmocka_unit_test(pauses),
		cmocka_unit_test(notes_and_tags),
		cmocka_unit_test(sanctions),
		cmocka_unit_test(queues_and_scope),
		cmocka_unit_test(queue_keyset_paging),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store kasus_alur", tests, open_suite, close_suite);
}
