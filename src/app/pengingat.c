#include "core/compat.h"
#include "app/pengingat.h"
#include "app/kasus_alur.h"
#include "app/outbox.h"
#include "app/outbox_format.h"
#include "app/principal.h"
#include "app/workflow.h"
#include "core/buf.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "core/xalloc.h"

/* Escalations are looked for this many days after a due day at most: later
 * ones belong to the workflow's own control stages (pengendalian). */
#define PENGINGAT_LOOKBACK_DAYS 60

void pengingat_rules_release(struct pengingat_rules *r)
{
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

static int parse_roles(const char *s, unsigned *out)
{
	*out = 0;
	char buf[128];
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *p = buf, *next; p && *p; p = next) {
		next = strpbrk(p, ";| ");
		if (next)
			*next++ = 0;
		if (!*p)
			continue;
		enum role r = role_parse(p);
		if (r == ROLE_NONE)
			return APP_EINVAL;
		*out |= 1u << r;
	}
	return 0;
}

int pengingat_load_csv(struct pengingat_rules *r, const char *p, size_t n, struct load_error *err)
{
	static const char *const req[] = { "tahap", "jenis", "hari_kerja", NULL };
	struct csv_table t;
	struct pengingat_rules out = { 0 };
	size_t cap = 0;
	int rc = csv_table_open_mem(&t, p, n, req, err);
	if (rc)
		return rc;
	while ((rc = csv_table_next(&t, err)) == 1) {
		struct pengingat_rule x = { 0 };
		const char *tahap = csv_table_get(&t, "tahap");
		const char *jenis = csv_table_get(&t, "jenis");
		if (!*tahap || strlen(tahap) >= sizeof(x.tahap)) {
			load_error_set(err, &t, "tahap", M_TABLE_REQUIRED, tahap);
			rc = APP_EINVAL;
			break;
		}
		snprintf(x.tahap, sizeof(x.tahap), "%s", tahap);
		if (!strcmp(jenis, "pengingat"))
			x.jenis = PENGINGAT_SEBELUM;
		else if (!strcmp(jenis, "eskalasi"))
			x.jenis = PENGINGAT_ESKALASI;
		else {
			load_error_set(err, &t, "jenis", M_TABLE_BAD_VALUE, jenis);
			rc = APP_EINVAL;
			break;
		}
		if ((rc = csv_table_get_uint(&t, "hari_kerja", -1, 60, &x.hari_kerja, err)))
			break;
		if (x.hari_kerja < 0) {
			load_error_set(err, &t, "hari_kerja", M_TABLE_REQUIRED, "");
			rc = APP_EINVAL;
			break;
		}
		const char *roles = csv_table_get(&t, "peran_tambahan");
		if (parse_roles(roles, &x.peran_tambahan)) {
			load_error_set(err, &t, "peran_tambahan", M_TABLE_BAD_VALUE, roles);
			rc = APP_EINVAL;
			break;
		}
		if (out.n == cap) {
			cap = cap ? cap * 2 : 16;
			out.v = xrealloc(out.v, cap * sizeof(*out.v));
		}
		out.v[out.n++] = x;
	}
	csv_table_close(&t);
	if (rc) {
		pengingat_rules_release(&out);
		return rc;
	}
	pengingat_rules_release(r);
	*r = out;
	return 0;
}

/* The loader takes its own struct: calling it through a cast pointer
 * would be undefined. */
static int load_rules(void *out, const char *p, size_t n, struct load_error *err)
{
	return pengingat_load_csv(out, p, n, err);
}

static struct pengingat_rules g_rules;
static struct embedded_table g_table = {
	"data/netralitas/pengingat.csv", "pengingat", load_rules, &g_rules };

const struct pengingat_rules *pengingat_rules_default(void)
{
	return embedded_table_once(&g_table);
}

/* The day n working days before day (n = 0: day itself). */
static int32_t working_days_before(const struct calendar *cal, int32_t day, int n)
{
	int32_t d = day;
	for (int counted = 0; counted < n && d > day - 400;) {
		d--;
		if (calendar_is_working_day(cal, d))
			counted++;
	}
	return d;
}

void pengingat_due(const struct pengingat_rules *r, const struct calendar *cal,
		   const char *tahap, int32_t tenggat, int32_t today, struct pengingat_hit *out)
{
	memset(out, 0, sizeof(*out));
	/* a stage with rows of its own uses only those; else the "*" rows */
	const char *use = "*";
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].tahap, tahap))
			use = tahap;
	for (size_t i = 0; i < r->n; i++) {
		const struct pengingat_rule *x = &r->v[i];
		if (strcmp(x->tahap, use))
			continue;
		if (x->jenis == PENGINGAT_SEBELUM) {
			if (today > tenggat || today < working_days_before(cal, tenggat, x->hari_kerja))
				continue;
			if (!out->sebelum || x->hari_kerja < out->sebelum->hari_kerja)
				out->sebelum = x;
		} else {
			int32_t point = x->hari_kerja ? deadline_due(cal, tenggat, x->hari_kerja,
								      DEADLINE_WORKING_DAYS, NULL, 0)
						      : tenggat;
			if (today <= point)
				continue;
			if (!out->eskalasi || x->hari_kerja > out->eskalasi->hari_kerja)
				out->eskalasi = x;
		}
	}
}

/* ---- the scan ---- */

struct cases {
	struct outbox_due_case *v;
	size_t n, cap;
};

static int collect(void *ctx, const struct outbox_due_case *c)
{
	struct cases *cs = ctx;
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 64;
		cs->v = xrealloc(cs->v, cs->cap * sizeof(*cs->v));
	}
	cs->v[cs->n++] = *c;
	return 0;
}

static int payload(struct buf *b, const struct outbox_due_case *c, const struct wf_stage *st,
		   const char *tenggat_iso, int64_t hari_kerja, int eskalasi)
{
	struct jsonw w;
	jsonw_init(&w, b);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", c->nomor);
	jsonw_kv_str(&w, "konteks", c->konteks);
	jsonw_kv_str(&w, "tahap", c->tahap);
	jsonw_kv_str(&w, "tahap_nama", st->name_id);
	jsonw_kv_str(&w, "pemilik", role_name(st->owner));
	jsonw_kv_str(&w, "tenggat", tenggat_iso);
	jsonw_kv_int(&w, eskalasi ? "hari_kerja_terlambat" : "hari_kerja_tersisa", hari_kerja);
	jsonw_kv_str(&w, "dasar_hukum", st->legal_basis);
	jsonw_obj_end(&w);
	return w.err;
}

/* Texts name the case by its public number only: no reported employee,
 * no reporter, nothing an intercepted e-mail could expose. */
static int texts(struct buf *subj, struct buf *text, const struct outbox_due_case *c,
		 const struct wf_stage *st, const char *tenggat_iso, int64_t hari, int eskalasi)
{
	int rc;
	if (eskalasi) {
		rc = buf_addf(subj, "[Wasdal] Terlambat: kasus %s melewati tenggat tahap %s (%s)",
			      c->nomor, st->name_id, tenggat_iso);
		if (!rc)
			rc = buf_addf(text,
				      "Kasus %s pada tahap \"%s\" telah melewati tenggat %s (%lld hari kerja).\n"
				      "Dasar hukum tenggat: %s\n"
				      "Pemilik tahap: %s. Mohon segera ditindaklanjuti di Wasdal.\n\n"
				      "Case %s at stage \"%s\" is past its deadline of %s (%lld working days).\n"
				      "Legal basis of the deadline: %s\n"
				      "Stage owner: %s. Please act on it in Wasdal.\n",
				      c->nomor, st->name_id, tenggat_iso, (long long)hari, st->legal_basis,
				      role_name(st->owner), c->nomor, st->name_en, tenggat_iso,
				      (long long)hari, st->legal_basis, role_name(st->owner));
	} else {
		rc = buf_addf(subj, "[Wasdal] Pengingat: kasus %s tahap %s jatuh tempo %s", c->nomor,
			      st->name_id, tenggat_iso);
		if (!rc)
			rc = buf_addf(text,
				      "Kasus %s pada tahap \"%s\" jatuh tempo pada %s (sisa %lld hari kerja).\n"
				      "Dasar hukum tenggat: %s\n\n"
				      "Case %s at stage \"%s\" is due on %s (%lld working days left).\n"
				      "Legal basis of the deadline: %s\n",
				      c->nomor, st->name_id, tenggat_iso, (long long)hari, st->legal_basis,
				      c->nomor, st->name_en, tenggat_iso, (long long)hari, st->legal_basis);
	}
	return rc;
}

static int fire(struct store *s, const struct outbox_due_case *c, const struct wf_stage *st,
		const struct pengingat_rule *rule, const struct calendar *cal, int32_t today,
		int *queued)
{
	int eskalasi = rule->jenis == PENGINGAT_ESKALASI;
	char key[200];
	snprintf(key, sizeof(key), "kasus:%lld:%s:%lld:%s:%d#", (long long)c->id, c->tahap,
		 (long long)c->tahap_sejak_ms, eskalasi ? "eskalasi" : "sebelum", rule->hari_kerja);
	int seen = 0;
	int rc = store_outbox_seen(s, key, &seen);
	if (rc || seen)
		return rc;
	key[strlen(key) - 1] = 0; /* outbox_publish appends "#<destination>" */
	char iso[16];
	date_format_iso(c->tenggat_hari, iso, sizeof(iso));
	int64_t hari = eskalasi ? deadline_elapsed(cal, c->tenggat_hari, today, DEADLINE_WORKING_DAYS, NULL, 0)
				: deadline_elapsed(cal, today, c->tenggat_hari, DEADLINE_WORKING_DAYS, NULL, 0);
	struct buf js, subj, text;
	buf_init(&js, 4096);
	buf_init(&subj, 1024);
	buf_init(&text, 8192);
	char object[64];
	snprintf(object, sizeof(object), "kasus/%s", c->nomor);
	rc = payload(&js, c, st, iso, hari, eskalasi);
	if (!rc)
		rc = texts(&subj, &text, c, st, iso, hari, eskalasi);
	struct outbox_event_spec e = {
		.kind = eskalasi ? "kasus.terlambat" : "kasus.pengingat",
		.object = object, .payload_json = js.ptr, .dedup_key = key,
		.email_roles = (1u << st->owner) | (eskalasi ? rule->peran_tambahan : 0),
		.scope_path = c->instansi_path, .subject = subj.ptr, .text = text.ptr,
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
	return rc;
}

int pengingat_scan(struct store *s, int32_t today, int *queued)
{
	if (queued)
		*queued = 0;
	const struct pengingat_rules *r = pengingat_rules_default();
	const struct calendar *cal = kasus_calendar();
	if (!r || !cal)
		return APP_EINTERNAL;
	if (!today)
		today = kasus_today();
	/* the active definition: an admin may have given a stage another owner */
	struct workflow active;
	int rc = kasus_workflow_active(s, &active);
	if (rc) {
		workflow_release(&active);
		return rc;
	}
	const struct workflow *wf = &active;
	int maxn = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].jenis == PENGINGAT_SEBELUM && r->v[i].hari_kerja > maxn)
			maxn = r->v[i].hari_kerja;
	/* n working days never span more than 2n + 20 calendar days, even
	 * across Lebaran's cuti bersama */
	struct cases cs = { 0 };
	rc = store_outbox_due_cases(s, today - PENGINGAT_LOOKBACK_DAYS, today + 2 * maxn + 20,
					collect, &cs);
	for (size_t i = 0; i < cs.n && !rc; i++) {
		const struct outbox_due_case *c = &cs.v[i];
		const struct wf_stage *st = workflow_stage(wf, c->tahap, c->konteks);
		if (!st || st->terminal || st->owner == ROLE_NONE)
			continue;
		struct pengingat_hit hit;
		pengingat_due(r, cal, c->tahap, c->tenggat_hari, today, &hit);
		if (hit.sebelum)
			rc = fire(s, c, st, hit.sebelum, cal, today, queued);
		if (!rc && hit.eskalasi)
			rc = fire(s, c, st, hit.eskalasi, cal, today, queued);
	}
	free(cs.v);
	workflow_release(&active);
	return rc;
}

int pengingat_tahap_event(struct store *s, const struct kasus *k, const char *dari)
{
	char tenggat[16] = "", key[160], object[64];
	if (k->tenggat_hari != KASUS_NO_TENGGAT)
		date_format_iso(k->tenggat_hari, tenggat, sizeof(tenggat));
	int64_t now = outbox_now_ms();
	struct buf js;
	buf_init(&js, 1024);
	struct jsonw w;
	jsonw_init(&w, &js);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", k->nomor);
	jsonw_kv_str(&w, "konteks", k->konteks);
	jsonw_kv_str(&w, "dari", dari);
	jsonw_kv_str(&w, "ke", k->tahap);
	if (tenggat[0])
		jsonw_kv_str(&w, "tenggat", tenggat);
	else
		jsonw_kv_str(&w, "tenggat", "");
	jsonw_obj_end(&w);
	int rc = w.err;
	snprintf(key, sizeof(key), "kasus:%lld:pindah:%.40s:%.40s:%lld", (long long)k->id, dari,
		 k->tahap, (long long)now);
	snprintf(object, sizeof(object), "kasus/%s", k->nomor);
	if (!rc)
		rc = outbox_event(s, "kasus.tahap", object, js.ptr, key);
	buf_release(&js);
	return rc;
}
