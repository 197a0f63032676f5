/* Campaign deadline reminders (see kampanye_pengingat.h). */
#include "core/compat.h"
#include "app/kampanye_pengingat.h"
#include "app/outbox.h"
#include "app/principal.h"
#include "core/buf.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_kampanye.h"
#include "store/store_outbox.h"

int kampanye_pengingat_load_csv(struct kampanye_pengingat_rules *r, const char *p, size_t n,
				struct load_error *err)
{
	static const char *const req[] = { "jenis", "hari", NULL };
	struct kampanye_pengingat_rules out = { 0 };
	int has_late = 0;
	struct csv_table t;
	int rc = csv_table_open_mem(&t, p, n, req, err);
	if (rc)
		return rc;
	while ((rc = csv_table_next(&t, err)) == 1) {
		const char *jenis = csv_table_get(&t, "jenis");
		int hari;
		if ((rc = csv_table_get_uint(&t, "hari", -1, 90, &hari, err)))
			break;
		char hs[16];
		snprintf(hs, sizeof(hs), "%d", hari);
		const char *col = NULL, *val = "";
		int why = M_TABLE_BAD_VALUE;
		if (hari < 0) {
			col = "hari";
			why = M_TABLE_REQUIRED;
		} else if (!strcmp(jenis, "pengingat")) {
			/* 0 would read as "no reminder"; the array is fixed */
			if (hari == 0 || out.n == KAMPANYE_PENGINGAT_MAX) {
				col = "hari";
				val = hs;
			} else {
				out.sebelum[out.n++] = hari;
			}
		} else if (!strcmp(jenis, "terlambat") && !has_late) {
			out.terlambat = hari;
			has_late = 1;
		} else { /* an unknown kind, or a second terlambat row */
			col = "jenis";
			val = jenis;
		}
		if (col) {
			load_error_set(err, &t, col, why, val);
			rc = APP_EINVAL;
			break;
		}
	}
	csv_table_close(&t);
	if (rc)
		return rc;
	*r = out;
	return 0;
}

/* The loader takes its own struct: calling it through a cast pointer
 * would be undefined. */
static int load_rules(void *out, const char *p, size_t n, struct load_error *err)
{
	return kampanye_pengingat_load_csv(out, p, n, err);
}

static struct kampanye_pengingat_rules g_rules;
static struct embedded_table g_table = {
	"data/kampanye/pengingat.csv", "kampanye", load_rules, &g_rules };

const struct kampanye_pengingat_rules *kampanye_pengingat_rules_default(void)
{
	return embedded_table_once(&g_table);
}

void kampanye_pengingat_due(const struct kampanye_pengingat_rules *r, int32_t tenggat,
			    int32_t today, int *days_before, int *overdue)
{
	*days_before = 0;
	*overdue = today > tenggat && today - tenggat <= r->terlambat;
	if (today > tenggat)
		return;
	/* the closest point whose window [tenggat - point, tenggat] holds today:
	 * a late first scan sends one reminder, not all of them */
	for (size_t i = 0; i < r->n; i++)
		if (tenggat - today <= r->sebelum[i] && (!*days_before || r->sebelum[i] < *days_before))
			*days_before = r->sebelum[i];
}

struct list {
	struct kampanye *v;
	size_t n, cap;
};

static int collect(void *ctx, const struct kampanye *k)
{
	struct list *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, st_mult(l->cap, sizeof(*l->v)));
	}
	l->v[l->n++] = *k;
	return 0;
}

struct prog {
	struct kampanye_progress *v;
	size_t n;
	int64_t total, signed_;
};

static int add_prog(void *ctx, const struct kampanye_progress *p)
{
	struct prog *x = ctx;
	x->v = xrealloc(x->v, st_mult(x->n + 1, sizeof(*x->v)));
	x->v[x->n++] = *p;
	x->total += p->total;
	x->signed_ += p->signed_;
	return 0;
}

struct units {
	struct unit_kerja *v;
	size_t n;
};

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	struct units *x = ctx;
	x->v = xrealloc(x->v, st_mult(x->n + 1, sizeof(*x->v)));
	x->v[x->n++] = *u;
	return 0;
}

static int payload(struct buf *b, const struct kampanye *k, const struct instansi *in,
		   const struct prog *p, const struct units *u, const char *iso, int days, int late)
{
	struct jsonw w;
	jsonw_init(&w, b);
	jsonw_obj_begin(&w);
	jsonw_kv_int(&w, "kampanye_id", k->id);
	jsonw_kv_str(&w, "nama", k->nama);
	jsonw_kv_str(&w, "periode", k->periode);
	jsonw_kv_str(&w, "instansi_kode", in->kode);
	jsonw_kv_str(&w, "tenggat", iso);
	jsonw_kv_int(&w, late ? "hari_terlambat" : "hari_tersisa", days);
	jsonw_kv_int(&w, "jumlah", p->total);
	jsonw_kv_int(&w, "sudah", p->signed_);
	jsonw_kv_int(&w, "belum", p->total - p->signed_);
	jsonw_key(&w, "unit");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < p->n; i++) {
		const char *kode = "", *nama = "";
		for (size_t j = 0; j < u->n; j++)
			if (u->v[j].id == p->v[i].unit_id) {
				kode = u->v[j].kode;
				nama = u->v[j].nama;
			}
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "kode", kode);
		jsonw_kv_str(&w, "nama", nama);
		jsonw_kv_int(&w, "jumlah", p->v[i].total);
		jsonw_kv_int(&w, "belum", p->v[i].total - p->v[i].signed_);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	char path[64];
	snprintf(path, sizeof(path), "/kampanye/%lld/belum.csv", (long long)k->id);
	jsonw_kv_str(&w, "daftar_belum", path);
	jsonw_obj_end(&w);
	return w.err;
}

/* The texts name the campaign and counts only, never an employee. */
static int texts(struct buf *subj, struct buf *text, const struct kampanye *k,
		 const struct instansi *in, const struct prog *p, const char *iso, int days, int late)
{
	long long belum = (long long)(p->total - p->signed_), total = (long long)p->total;
	int rc = late ? buf_addf(subj, "[Wasdal] Terlambat: %lld pegawai belum menandatangani %s (tenggat %s)",
				 belum, k->nama, iso)
		      : buf_addf(subj, "[Wasdal] Pengingat: %lld pegawai belum menandatangani %s (tenggat %s)",
				 belum, k->nama, iso);
	if (!rc)
		rc = buf_addf(text,
			      "%s (%s), %s: %lld dari %lld pegawai belum menandatangani; tenggat %s (%s %d hari).\n"
			      "Daftar yang belum menandatangani: /kampanye/%lld/belum.csv (atau .xlsx).\n"
			      "Pegawai tanpa akun memerlukan kode aktivasi: /aktivasi/terbitkan?kampanye=%lld\n\n"
			      "%s (%s), %s: %lld of %lld employees have not signed; deadline %s (%s %d days).\n"
			      "Who has not signed: /kampanye/%lld/belum.csv (or .xlsx).\n",
			      k->nama, k->periode, in->nama, belum, total, iso, late ? "lewat" : "sisa", days,
			      (long long)k->id, (long long)k->id, k->nama, k->periode, in->nama, belum, total,
			      iso, late ? "overdue by" : "left:", days, (long long)k->id);
	return rc;
}

static int fire(struct store *s, const struct kampanye *k, int days, int late, int32_t today,
		int *queued)
{
	char key[128];
	snprintf(key, sizeof(key), "kampanye:%lld:%s:%d#", (long long)k->id,
		 late ? "terlambat" : "sebelum", late ? 0 : days);
	int seen = 0;
	int rc = store_outbox_seen(s, key, &seen);
	if (rc || seen)
		return rc;
	key[strlen(key) - 1] = 0; /* outbox_publish appends "#<destination>" */
	struct instansi in;
	struct prog p = { 0 };
	struct units u = { 0 };
	rc = store_instansi_get(s, k->instansi_id, &in);
	if (!rc)
		rc = store_kampanye_progress(s, k->id, add_prog, &p);
	if (!rc)
		rc = store_unit_list(s, k->instansi_id, add_unit, &u);
	if (rc || p.total == p.signed_) { /* everyone signed: nothing to remind */
		free(p.v);
		free(u.v);
		return rc;
	}
	char iso[16];
	date_format_iso(k->tenggat_hari, iso, sizeof(iso));
	int n_days = late ? (int)(today - k->tenggat_hari) : (int)(k->tenggat_hari - today);
	struct buf js, subj, text;
	buf_init(&js, 65536);
	buf_init(&subj, 1024);
	buf_init(&text, 8192);
	rc = payload(&js, k, &in, &p, &u, iso, n_days, late);
	if (!rc)
		rc = texts(&subj, &text, k, &in, &p, iso, n_days, late);
	char object[48];
	snprintf(object, sizeof(object), "kampanye/%lld", (long long)k->id);
	struct outbox_event_spec e = {
		.kind = late ? "kampanye.terlambat" : "kampanye.pengingat",
		.object = object, .payload_json = js.ptr, .dedup_key = key,
		.email_roles = (1u << ROLE_BKPSDM) | (late ? 1u << ROLE_PPK : 0),
		.scope_path = in.path, .subject = subj.ptr, .text = text.ptr,
	};
	int n = 0;
	if (!rc && !(rc = store_tx_begin(s, STORE_TX_WRITE))) {
		rc = outbox_publish(s, &e, &n);
		if (rc)
			store_tx_rollback(s);
		else
			rc = store_tx_commit(s);
	}
	if (!rc && queued)
		*queued += n;
	buf_release(&js);
	buf_release(&subj);
	buf_release(&text);
	free(p.v);
	free(u.v);
	return rc;
}

int kampanye_pengingat_scan(struct store *s, int32_t today, int *queued)
{
	if (queued)
		*queued = 0;
	const struct kampanye_pengingat_rules *r = kampanye_pengingat_rules_default();
	if (!r)
		return APP_EINTERNAL;
	if (!today)
		today = date_today_wib();
	struct list l = { 0 };
	int rc = store_kampanye_list(s, "/", collect, &l);
	for (size_t i = 0; !rc && i < l.n; i++) {
		int days, late;
		kampanye_pengingat_due(r, l.v[i].tenggat_hari, today, &days, &late);
		if (days || late)
			rc = fire(s, &l.v[i], days, late, today, queued);
	}
	free(l.v);
	return rc;
}
