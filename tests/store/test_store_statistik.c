/* Conformance of the statistics area (src/store/store_statistik.h), run on
 * both backends by tests/store/run.sh: known cases in a two-province tree,
 * then every dimension with scope, date range and konteks filters against
 * counts written down by hand. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_kasus.h"
#include "store/store_kasus_alur.h"
#include "store/store_statistik.h"
#include "store_suite.h"

#define DAY 86400000LL
/* 2026-03-10 12:00 WIB in ms, and its day number (core/date.h) */
#define T0 1773118800000LL
#define D0 20522

/* root
 *  +- P1 (province) -- K1, K2 (kab/kota)
 *  +- P2 (province) -- K3 */
static struct instansi root, p1, p2, k1, k2, k3;

static void put(struct instansi *in, const char *kode, enum instansi_jenis j, int64_t parent)
{
	memset(in, 0, sizeof(*in));
	snprintf(in->kode, sizeof(in->kode), "%s", kode);
	snprintf(in->nama, sizeof(in->nama), "Instansi %s", kode);
	in->jenis = j;
	in->parent_id = parent;
	OK(store_instansi_put(S, in));
}

static int seq;

static int64_t kasus(int64_t instansi_id, const char *konteks, const char *tahap, int32_t tenggat,
		  const char *kode, int64_t created_ms, int64_t sejak_ms)
{
	struct kasus k;
	memset(&k, 0, sizeof(k));
	snprintf(k.receipt_hash, sizeof(k.receipt_hash), "%064x", ++seq);
	snprintf(k.konteks, sizeof(k.konteks), "%s", konteks);
	snprintf(k.tahap, sizeof(k.tahap), "%s", tahap);
	k.tenggat_hari = tenggat;
	k.workflow_versi = 1;
	k.instansi_id = instansi_id;
	snprintf(k.pelanggaran_kode, sizeof(k.pelanggaran_kode), "%s", kode);
	k.kejadian_hari = D0 - 30;
	k.diketahui_hari = D0 - 30;
	snprintf(k.penetapan_calon, sizeof(k.penetapan_calon), "sebelum");
	snprintf(k.kronologi, sizeof(k.kronologi), "Kronologi uji statistik.");
	snprintf(k.pelapor_mode, sizeof(k.pelapor_mode), "anonim");
	snprintf(k.sumber, sizeof(k.sumber), "seed");
	k.created_ms = created_ms;
	k.updated_ms = created_ms;
	k.tahap_sejak_ms = sejak_ms;
	OK(store_kasus_insert(S, &k));
	return k.id;
}

static void langkah(int64_t kasus_id, const char *dari, const char *ke, int64_t at_ms)
{
	struct kasus_langkah *l = calloc(1, sizeof(*l));
	l->kasus_id = kasus_id;
	snprintf(l->dari, sizeof(l->dari), "%s", dari);
	snprintf(l->ke, sizeof(l->ke), "%s", ke);
	snprintf(l->aktor, sizeof(l->aktor), "uji");
	snprintf(l->peran, sizeof(l->peran), "bkn");
	snprintf(l->isian, sizeof(l->isian), "{}");
	snprintf(l->lampiran, sizeof(l->lampiran), "[]");
	l->mulai_hari = D0;
	l->workflow_versi = 1;
	l->created_ms = at_ms;
	OK(store_kasus_langkah_insert(S, l));
	free(l);
}

static void sanksi(int64_t kasus_id, const char *jenis, const char *tingkat, const char *rek,
		   unsigned flags)
{
	struct kasus_sanksi *x = calloc(1, sizeof(*x));
	x->kasus_id = kasus_id;
	snprintf(x->jenis, sizeof(x->jenis), "%s", jenis);
	snprintf(x->tingkat, sizeof(x->tingkat), "%s", tingkat);
	snprintf(x->rekomendasi, sizeof(x->rekomendasi), "%s", rek);
	snprintf(x->nomor_sk, sizeof(x->nomor_sk), "SK/%s/2026", jenis);
	snprintf(x->lampiran, sizeof(x->lampiran), "[]");
	snprintf(x->aktor, sizeof(x->aktor), "ppk");
	x->tanggal_sk = D0;
	x->urutan = 3;
	x->flags = flags;
	x->created_ms = T0;
	OK(store_kasus_sanksi_insert(S, x));
	free(x);
}

static void fixtures(void **state)
{
	(void)state;
	OK(store_tx_begin(S, STORE_TX_WRITE));
	put(&root, "ST-ROOT", INSTANSI_NASIONAL, 0);
	put(&p1, "ST-P1", INSTANSI_PROVINSI, root.id);
	put(&p2, "ST-P2", INSTANSI_PROVINSI, root.id);
	put(&k1, "ST-K1", INSTANSI_KABKOTA, p1.id);
	put(&k2, "ST-K2", INSTANSI_KABKOTA, p1.id);
	put(&k3, "ST-K3", INSTANSI_KABKOTA, p2.id);
	/* K1: 3 pemilu in verifikasi, 2 overdue (due D0-1, D0-3), 1 due D0+2 */
	int64_t c1 = kasus(k1.id, "pemilu", "verifikasi_satgas", D0 - 1, "KE-1", T0 - 10 * DAY, T0 - 8 * DAY);
	kasus(k1.id, "pemilu", "verifikasi_satgas", D0 - 3, "KE-1", T0 - 12 * DAY, T0 - 10 * DAY);
	kasus(k1.id, "pemilu", "verifikasi_satgas", D0 + 2, "KE-2", T0 - 5 * DAY, T0 - 5 * DAY);
	/* K2: 2 pilkada in kajian, no deadline */
	int64_t c2 = kasus(k2.id, "pilkada", "kajian_bawaslu", KASUS_NO_TENGGAT, "KE-1", T0 - 40 * DAY, T0 - 2 * DAY);
	kasus(k2.id, "pilkada", "kajian_bawaslu", KASUS_NO_TENGGAT, "HD-3", T0 - 41 * DAY, T0 - 2 * DAY);
	/* K3: 4 pemilu received, due today (not overdue) */
	for (int i = 0; i < 4; i++)
		kasus(k3.id, "pemilu", "diterima", D0, "KE-2", T0 - i * DAY, T0 - i * DAY);
	/* history: c1 1 day received then 3 days in verification; c2 2 days received */
	langkah(c1, "diterima", "verifikasi_satgas", T0 - 9 * DAY);
	langkah(c1, "verifikasi_satgas", "kajian_bawaslu", T0 - 6 * DAY);
	langkah(c2, "diterima", "verifikasi_satgas", T0 - 38 * DAY);
	/* sanctions: c2 lighter than recommended, c1 as recommended */
	sanksi(c2, "ringan_b", "ringan", "sedang", 1);
	sanksi(c1, "moral_tertutup", "moral", "moral", 0);
	/* c4 in K3: 50 one-day visits (received, waiting, received ...), so a
	 * small scope has far fewer cases than history rows and SQLite takes
	 * its per-case index seeks, a national one its ordered pass */
	int64_t c4 = kasus(k3.id, "pemilu", "diterima", KASUS_NO_TENGGAT, "KE-2", T0 - 60 * DAY, T0 - 10 * DAY);
	for (int i = 1; i <= 50; i++)
		langkah(c4, i % 2 ? "diterima" : "menunggu_pelapor", i % 2 ? "menunggu_pelapor" : "diterima",
			T0 - 60 * DAY + i * DAY);
	/* no instansi: counted nationally only */
	kasus(0, "pilkada", "diterima", KASUS_NO_TENGGAT, "lainnya", T0, T0);
	OK(store_tx_commit(S));
}

static struct statistik_filter F(const char *scope)
{
	struct statistik_filter f = { .scope_path = scope, .hari_ini = D0, .now_ms = T0 };
	return f;
}

/* n of the row with this id/key/a (-1 for "any"), 0 when absent. */
static int64_t n_of(const struct statistik_rows *r, int64_t id, const char *key, int64_t a)
{
	int64_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		if ((id < 0 || r->v[i].id == id) && (!key || !strcmp(r->v[i].key, key)) &&
		    (a < 0 || r->v[i].a == a))
			n += r->v[i].n;
	return n;
}

static void by_tahap_with_overdue(void **state)
{
	(void)state;
	struct statistik_rows r = { 0 };
	struct statistik_filter f = F(NULL);
	OK(store_statistik_group(S, STAT_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 11);
	assert_int_eq(n_of(&r, -1, "diterima", -1), 6);
	assert_int_eq(n_of(&r, -1, "diterima", 1), 0);
	assert_int_eq(n_of(&r, -1, "verifikasi_satgas", 1), 2);
	assert_int_eq(n_of(&r, -1, "verifikasi_satgas", 0), 1);
	assert_int_eq(n_of(&r, -1, "kajian_bawaslu", 2), 2);
	assert_int_eq(n_of(&r, -1, "diterima", 2), 2);
	assert_int_eq(n_of(&r, -1, "diterima", 0), 4);
	statistik_rows_free(&r);

	/* province P1 and kab K1 */
	f = F(p1.path);
	OK(store_statistik_group(S, STAT_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 5);
	assert_int_eq(n_of(&r, -1, "diterima", -1), 0);
	statistik_rows_free(&r);
	f = F(k1.path);
	OK(store_statistik_group(S, STAT_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 3);
	statistik_rows_free(&r);
	/* the root's own path counts only cases tied to an instansi */
	f = F(root.path);
	OK(store_statistik_group(S, STAT_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 10);
	statistik_rows_free(&r);
}

static void filters_konteks_and_dates(void **state)
{
	(void)state;
	struct statistik_rows r = { 0 };
	struct statistik_filter f = F("/");
	f.konteks = "pilkada";
	OK(store_statistik_group(S, STAT_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 3);
	assert_int_eq(n_of(&r, -1, "diterima", -1), 1);
	statistik_rows_free(&r);
	/* [T0-12d, T0-4d): the three K1 cases only (T0-10d, T0-12d, T0-5d) */
	f = F("/");
	f.dari_ms = T0 - 12 * DAY;
	f.sampai_ms = T0 - 4 * DAY;
	OK(store_statistik_group(S, STAT_PELANGGARAN, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 3);
	assert_int_eq(n_of(&r, -1, "KE-1", -1), 2);
	assert_int_eq(n_of(&r, -1, "KE-2", -1), 1);
	statistik_rows_free(&r);
	f = F(p2.path);
	f.konteks = "pilkada";
	OK(store_statistik_group(S, STAT_TAHAP, &f, &r));
	assert_int_eq(r.n, 0);
	statistik_rows_free(&r);
	f = F("/");
	f.konteks = "pemilihan";
	assert_int_eq(store_statistik_group(S, STAT_TAHAP, &f, &r), APP_EINVAL);
	f = F("/x/");
	assert_int_eq(store_statistik_group(S, STAT_TAHAP, &f, &r), APP_EINVAL);
}

static void by_pelanggaran_and_instansi(void **state)
{
	(void)state;
	struct statistik_rows r = { 0 };
	struct statistik_filter f = F(NULL);
	OK(store_statistik_group(S, STAT_PELANGGARAN, &f, &r));
	assert_int_eq(n_of(&r, -1, "KE-1", -1), 3);
	assert_int_eq(n_of(&r, -1, "KE-2", -1), 6);
	assert_int_eq(n_of(&r, -1, "HD-3", -1), 1);
	assert_int_eq(n_of(&r, -1, "lainnya", -1), 1);
	assert_int_eq(r.n, 4);
	statistik_rows_free(&r);
	OK(store_statistik_group(S, STAT_INSTANSI, &f, &r));
	assert_int_eq(n_of(&r, k1.id, "pemilu", -1), 3);
	assert_int_eq(n_of(&r, k2.id, "pilkada", -1), 2);
	assert_int_eq(n_of(&r, k3.id, "pemilu", -1), 5);
	assert_int_eq(n_of(&r, 0, "pilkada", -1), 1);
	assert_int_eq(r.n, 4);
	statistik_rows_free(&r);
	f = F(p1.path);
	OK(store_statistik_group(S, STAT_INSTANSI, &f, &r));
	assert_int_eq(r.n, 2);
	assert_int_eq(n_of(&r, k3.id, NULL, -1), 0);
	statistik_rows_free(&r);
}

static void days_in_stage(void **state)
{
	(void)state;
	struct statistik_rows r = { 0 };
	struct statistik_filter f = F(k1.path);
	OK(store_statistik_group(S, STAT_UMUR_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, "verifikasi_satgas", 8), 1);
	assert_int_eq(n_of(&r, -1, "verifikasi_satgas", 10), 1);
	assert_int_eq(n_of(&r, -1, "verifikasi_satgas", 5), 1);
	statistik_rows_free(&r);
	f = F(k3.path);
	OK(store_statistik_group(S, STAT_UMUR_TAHAP, &f, &r));
	for (int d = 0; d < 4; d++)
		assert_int_eq(n_of(&r, -1, "diterima", d), 1);
	statistik_rows_free(&r);
}

static void history_and_sanctions(void **state)
{
	(void)state;
	struct statistik_rows r = { 0 };
	struct statistik_filter f = F(NULL);
	OK(store_statistik_group(S, STAT_DURASI_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, "diterima", 1), 26);
	assert_int_eq(n_of(&r, -1, "diterima", 2), 1);
	assert_int_eq(n_of(&r, -1, "verifikasi_satgas", 3), 1);
	assert_int_eq(n_of(&r, -1, "menunggu_pelapor", 1), 25);
	assert_int_eq(n_of(&r, -1, NULL, -1), 53);
	statistik_rows_free(&r);
	f = F(k2.path);
	OK(store_statistik_group(S, STAT_DURASI_TAHAP, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 1);
	statistik_rows_free(&r);
	f = F(NULL);
	OK(store_statistik_group(S, STAT_SANKSI, &f, &r));
	assert_int_eq(n_of(&r, 1, "ringan", 3), 1);
	assert_int_eq(n_of(&r, 0, "moral", 1), 1);
	assert_int_eq(n_of(&r, -1, NULL, -1), 2);
	statistik_rows_free(&r);
	f = F(p1.path);
	f.konteks = "pilkada";
	OK(store_statistik_group(S, STAT_SANKSI, &f, &r));
	assert_int_eq(n_of(&r, -1, NULL, -1), 1);
	assert_int_eq(n_of(&r, 1, "ringan", 3), 1);
	statistik_rows_free(&r);
	f = F(p2.path);
	OK(store_statistik_group(S, STAT_SANKSI, &f, &r));
	assert_int_eq(r.n, 0);
	statistik_rows_free(&r);
}

static int cmp_row(const void *a, const void *b)
{
	const struct statistik_row *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->a > y->a) - (x->a < y->a);
}

/* store_statistik_all(f) gives exactly the rows of group(f) per dimension. */
static void assert_all_equals_group(const struct statistik_filter *f)
{
	struct statistik_rows all[STAT__COUNT];
	memset(all, 0, sizeof(all));
	OK(store_statistik_all(S, f, all));
	for (int d = 0; d < STAT__COUNT; d++) {
		struct statistik_rows g = { 0 };
		OK(store_statistik_group(S, (enum statistik_dim)d, f, &g));
		assert_int_eq(all[d].n, g.n);
		if (g.n) { /* qsort(NULL, 0) is undefined */
			qsort(all[d].v, all[d].n, sizeof(*all[d].v), cmp_row);
			qsort(g.v, g.n, sizeof(*g.v), cmp_row);
		}
		for (size_t k = 0; k < g.n; k++) {
			assert_str_eq(all[d].v[k].key, g.v[k].key);
			assert_int_eq(all[d].v[k].id, g.v[k].id);
			assert_int_eq(all[d].v[k].a, g.v[k].a);
			assert_int_eq(all[d].v[k].n, g.v[k].n);
		}
		statistik_rows_free(&g);
		statistik_rows_free(&all[d]);
	}
}

/* store_statistik_all gives exactly the rows of group() per dimension,
 * for every filter shape (on SQLite the national ones after the first
 * replay the history kept from that first read). */
static void all_equals_group(void **state)
{
	(void)state;
	const char *scopes[] = { NULL, p1.path, k1.path, k3.path, root.path };
	const char *kontekses[] = { NULL, "pemilu", "pilkada" };
	for (size_t i = 0; i < 5; i++)
		for (size_t j = 0; j < 3; j++)
			for (int dated = 0; dated < 2; dated++) {
				struct statistik_filter f = F(scopes[i]);
				f.konteks = kontekses[j];
				if (dated) {
					f.dari_ms = T0 - 11 * DAY;
					f.sampai_ms = T0 - DAY / 2;
				}
				assert_all_equals_group(&f);
			}
}

/* The history kept for national dashboards (SQLite) is read again after
 * any write: a new transition and a new sanction show in the next render
 * with another filter, which the result cache cannot answer. */
static void history_kept_sees_new_writes(void **state)
{
	(void)state;
	struct statistik_filter f = F(NULL);
	assert_all_equals_group(&f);
	struct statistik_rows before = { 0 }, after = { 0 };
	OK(store_statistik_group(S, STAT_DURASI_TAHAP, &f, &before));
	OK(store_tx_begin(S, STORE_TX_WRITE));
	int64_t id = kasus(k1.id, "pemilu", "diterima", KASUS_NO_TENGGAT, "KE-1", T0 - 3 * DAY, T0 - 3 * DAY);
	langkah(id, "diterima", "verifikasi_satgas", T0 - DAY);
	sanksi(id, "berat_a", "berat", "sedang", 0);
	OK(store_tx_commit(S));
	f.sampai_ms = T0 + 7 * DAY; /* another filter: not in the result cache */
	assert_all_equals_group(&f);
	OK(store_statistik_group(S, STAT_DURASI_TAHAP, &f, &after));
	assert_int_eq(n_of(&after, -1, NULL, -1), n_of(&before, -1, NULL, -1) + 1);
	statistik_rows_free(&before);
	statistik_rows_free(&after);
}

/* A repeated dashboard may be served from SQLite's per-connection cache;
 * any write must be visible at once. */
static void all_sees_new_writes(void **state)
{
	(void)state;
	struct statistik_filter f = F(p1.path);
	struct statistik_rows a[STAT__COUNT], b[STAT__COUNT];
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	OK(store_statistik_all(S, &f, a));
	OK(store_statistik_all(S, &f, b)); /* the same again: equal */
	assert_int_eq(n_of(&a[STAT_TAHAP], -1, NULL, -1), n_of(&b[STAT_TAHAP], -1, NULL, -1));
	OK(store_tx_begin(S, STORE_TX_WRITE));
	int64_t id = kasus(k2.id, "pilkada", "diterima", KASUS_NO_TENGGAT, "KE-3", T0, T0);
	langkah(id, "diterima", "verifikasi_satgas", T0 + DAY);
	OK(store_tx_commit(S));
	for (int d = 0; d < STAT__COUNT; d++)
		statistik_rows_free(&b[d]);
	OK(store_statistik_all(S, &f, b));
	assert_int_eq(n_of(&b[STAT_TAHAP], -1, NULL, -1), n_of(&a[STAT_TAHAP], -1, NULL, -1) + 1);
	assert_int_eq(n_of(&b[STAT_PELANGGARAN], -1, "KE-3", -1), 1);
	assert_int_eq(n_of(&b[STAT_DURASI_TAHAP], -1, NULL, -1),
		      n_of(&a[STAT_DURASI_TAHAP], -1, NULL, -1) + 1);
	for (int d = 0; d < STAT__COUNT; d++) {
		statistik_rows_free(&a[d]);
		statistik_rows_free(&b[d]);
	}
}

static void needs_usable_connection(void **state)
{
	(void)state;
	struct statistik_rows r = { 0 };
	struct statistik_filter f = F(NULL);
	/* inside a read transaction too */
	OK(store_tx_begin(S, STORE_TX_READ));
	OK(store_statistik_group(S, STAT_PELANGGARAN, &f, &r));
	OK(store_tx_commit(S));
	assert_int_eq(n_of(&r, -1, NULL, -1), 11);
	statistik_rows_free(&r);
	assert_int_eq(store_statistik_group(S, STAT__COUNT, &f, &r), APP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixtures),
		cmocka_unit_test(by_tahap_with_overdue),
		cmocka_unit_test(filters_konteks_and_dates),
		cmocka_unit_test(by_pelanggaran_and_instansi),
		cmocka_unit_test(days_in_stage),
		cmocka_unit_test(history_and_sanctions),
		cmocka_unit_test(all_equals_group),
		cmocka_unit_test(needs_usable_connection),
		cmocka_unit_test(all_sees_new_writes),
		cmocka_unit_test(history_kept_sees_new_writes),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store_statistik", tests, open_suite, close_suite);
}
