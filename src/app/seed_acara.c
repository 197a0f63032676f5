/* Demo events in Kabupaten Banyumas (3302): a sosialisasi on neutrality a
 * week ago attended by two in three of its employees, and this week's
 * Monday apel with the neutrality declaration, attended by half. Dates are
 * relative to today so the coverage page shows them in its default period.
 * Idempotent: an event with the same topic in 3302 is not created again. */
#include "core/compat.h"
#include "app/acara.h"
#include "app/auth.h"
#include "app/seed.h"
#include "core/date.h"
#include "core/err.h"
#include "core/xalloc.h"

#define SEED_INSTANSI "3302"

struct nips {
	char (*v)[19];
	size_t n, cap;
};

static int add_nip(void *ctx, const struct pegawai *e)
{
	struct nips *x = ctx;
	if (strcmp(e->status, "aktif"))
		return 0;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 128;
		x->v = xrealloc(x->v, st_mult(x->cap, sizeof(*x->v)));
	}
	memcpy(x->v[x->n++], e->nip, 19);
	return 0;
}

struct find {
	const char *topik;
	int64_t id;
};

static int find_topik(void *ctx, const struct acara *a)
{
	struct find *f = ctx;
	if (!strcmp(a->topik, f->topik) && !f->id)
		f->id = a->id;
	return 0;
}

static int one_event(struct store *s, const struct principal *p, const struct acara_input *in,
		     const struct nips *all, int every_of, int keep)
{
	struct find f = { in->topik, 0 };
	int rc = acara_list(s, p, 0, 0, find_topik, &f);
	if (rc || f.id)
		return rc;
	struct acara a;
	struct field_errors fe;
	rc = acara_save(s, p, 0, in, &a, &fe);
	if (rc)
		return rc;
	const char **pick = xcalloc(all->n ? all->n : 1, sizeof(*pick));
	size_t n = 0;
	for (size_t i = 0; i < all->n; i++)
		if ((int)(i % (size_t)every_of) < keep)
			pick[n++] = all->v[i];
	struct acara_hadir_stats st;
	rc = acara_hadir_nips(s, p, a.id, pick, n, NULL, &st);
	free(pick);
	return rc;
}

int seed_demo_acara(struct store *s, const struct principal *p)
{
	struct instansi in;
	int rc = store_instansi_get_by_kode(s, SEED_INSTANSI, &in);
	if (rc)
		return rc;
	struct nips all = { 0 };
	struct pegawai_filter f = { .scope_path = "/", .instansi_id = in.id };
	rc = registry_list(s, p, &f, add_nip, &all);
	int32_t today = date_today_wib();
	int32_t monday = today - (date_weekday(today) - 1);
	char d1[11], d2[11], m1[17], s1[17], m2[17], s2[17];
	date_format_iso(today - 7, d1, sizeof(d1));
	date_format_iso(monday, d2, sizeof(d2));
	snprintf(m1, sizeof(m1), "%sT09:00", d1);
	snprintf(s1, sizeof(s1), "%sT12:00", d1);
	snprintf(m2, sizeof(m2), "%sT07:30", d2);
	snprintf(s2, sizeof(s2), "%sT08:30", d2);
	struct acara_input sos = {
		.jenis = "sosialisasi", .topik = "Sosialisasi Netralitas ASN pada Pilkada",
		.mulai = m1, .selesai = s1, .tempat = "Pendopo Si Panji, Purwokerto",
		.tautan = "", .narasumber = "Bawaslu Kabupaten Banyumas",
		.instansi_kode = SEED_INSTANSI, .unit_kode = "BKPSDM", .sasaran_unit_kode = "",
	};
	struct acara_input apel = {
		.jenis = "apel", .topik = "Apel Senin: ikrar netralitas ASN",
		.mulai = m2, .selesai = s2, .tempat = "Halaman Setda Banyumas",
		.tautan = "", .narasumber = "Sekretaris Daerah",
		.instansi_kode = SEED_INSTANSI, .unit_kode = "SETDA", .sasaran_unit_kode = "",
	};
	if (!rc)
		rc = one_event(s, p, &sos, &all, 3, 2);
	if (!rc)
		rc = one_event(s, p, &apel, &all, 2, 1);
	free(all.v);
	return rc;
}
