/* Public statistics (see statistik_publik.h). Cases are rolled up to
 * provinces; cases of central agencies (K/L) and those without an instansi
 * make one row each, so no row names a single office below a province. */
#include "core/compat.h"
#include "app/statistik_publik.h"
#include "app/suppress.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"

static void tabel_alloc(struct publik_tabel *t, size_t rows, size_t cols)
{
	t->rows = rows;
	t->cols = cols;
	t->kode = xcalloc(rows ? rows : 1, sizeof(*t->kode));
	t->label = xcalloc(rows ? rows : 1, sizeof(*t->label));
	t->v = xcalloc((rows + 1) * (cols + 1), sizeof(*t->v));
	t->flag = xcalloc((rows + 1) * (cols + 1), 1);
}

static void tabel_free(struct publik_tabel *t)
{
	free(t->kode);
	free(t->label);
	free(t->v);
	free(t->flag);
	memset(t, 0, sizeof(*t));
}

static void suppress_into(struct publik_tabel *t, const int64_t *cells, int64_t ambang)
{
	suppress_table(cells, t->rows, t->cols, ambang, t->v, t->flag);
}

static void set_row(struct publik_tabel *t, size_t i, const char *kode, const char *label)
{
	snprintf(t->kode[i], sizeof(t->kode[i]), "%s", kode);
	snprintf(t->label[i], sizeof(t->label[i]), "%s", label);
}

int statistik_publik_build(struct store *s, const char *konteks, enum lang lang,
			   struct statistik_publik *out)
{
	memset(out, 0, sizeof(*out));
	out->ambang = suppress_threshold();
	struct statistik st;
	struct statistik_req q = { .konteks = konteks, .lang = lang };
	int rc = statistik_build_public(s, &q, &st);
	if (rc)
		return rc;

	/* provinces in path order, then "pusat" (K/L and the root's own) and
	 * "tanpa instansi" */
	size_t nprov = 0;
	for (size_t i = 0; i < st.nwilayah; i++)
		nprov += st.wilayah[i].jenis == INSTANSI_PROVINSI;
	struct publik_tabel *pv = &out->provinsi;
	tabel_alloc(pv, nprov + 2, 2);
	pv->col_kode[0] = "pemilu";
	pv->col_kode[1] = "pilkada";
	int64_t *cells = xcalloc((nprov + 2) * 2, sizeof(*cells));
	size_t k = 0;
	size_t pusat = nprov, tanpa = nprov + 1;
	set_row(pv, pusat, "pusat", lang == LANG_EN ? "Central agencies (K/L)" : "Instansi pusat (K/L)");
	set_row(pv, tanpa, "tanpa_instansi",
		lang == LANG_EN ? "No agency identified" : "Tanpa instansi teridentifikasi");
	for (size_t i = 0; i < st.nwilayah; i++) {
		const struct stat_item *w = &st.wilayah[i];
		/* K/L and the root's own cases are "pusat" */
		size_t r = w->jenis == INSTANSI_PROVINSI ? k++
			   : !strcmp(w->kode, "tanpa_instansi") ? tanpa : pusat;
		if (w->jenis == INSTANSI_PROVINSI)
			set_row(pv, r, w->kode, w->label);
		cells[r * 2] += w->pemilu;
		cells[r * 2 + 1] += w->pilkada;
	}
	suppress_into(pv, cells, out->ambang);
	free(cells);

	/* stages, workflow order */
	struct publik_tabel *tt = &out->tahap;
	tabel_alloc(tt, st.ntahap, 1);
	tt->col_kode[0] = "jumlah";
	cells = xcalloc(st.ntahap ? st.ntahap : 1, sizeof(*cells));
	for (size_t i = 0; i < st.ntahap; i++) {
		set_row(tt, i, st.tahap[i].kode, st.tahap[i].nama);
		cells[i] = st.tahap[i].n;
	}
	suppress_into(tt, cells, out->ambang);
	free(cells);

	/* violation classes */
	static const char *const kelas[] = { "kode_etik", "disiplin", "lainnya" };
	static const char *const kelas_id[] = { "Pelanggaran kode etik", "Pelanggaran disiplin",
						"Lainnya" };
	static const char *const kelas_en[] = { "Code of ethics", "Discipline", "Other" };
	struct publik_tabel *kt = &out->kelas;
	tabel_alloc(kt, 3, 1);
	kt->col_kode[0] = "jumlah";
	int64_t kc[3] = { 0 };
	for (size_t i = 0; i < st.npelanggaran; i++) {
		const char *c = statistik_pelanggaran_kelas(st.pelanggaran[i].kode);
		size_t j = !strcmp(c, "kode_etik") ? 0 : !strcmp(c, "disiplin") ? 1 : 2;
		kc[j] += st.pelanggaran[i].n;
	}
	for (size_t j = 0; j < 3; j++)
		set_row(kt, j, kelas[j], lang == LANG_EN ? kelas_en[j] : kelas_id[j]);
	suppress_into(kt, kc, out->ambang);
	statistik_free(&st);
	return 0;
}

void statistik_publik_free(struct statistik_publik *p)
{
	tabel_free(&p->provinsi);
	tabel_free(&p->tahap);
	tabel_free(&p->kelas);
}
