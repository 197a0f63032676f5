/* Reading a case and moving it through the workflow: one transaction per
 * transition holding the stage change, the stage clock and pauses, the due
 * day, the history row, a recorded sanction, data blocking and the audit
 * records, so none of them can exist without the others. */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/bukti.h"
#include "app/pengingat.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/date.h"
#include "core/err.h"
#include "core/buf.h"
#include "core/jsonw.h"
#include "core/xalloc.h"

int kasus_role_can_read(enum role r)
{
	return r == ROLE_ADMIN || r == ROLE_BKN || r == ROLE_BAWASLU || r == ROLE_PPK ||
	       r == ROLE_BKPSDM || r == ROLE_AUDITOR || r == ROLE_CUSTODIAN;
}

int kasus_role_sees_evidence(enum role r)
{
	return r == ROLE_ADMIN || r == ROLE_BKN || r == ROLE_BAWASLU || r == ROLE_AUDITOR;
}

int kasus_scope_national(const char *scope)
{
	/* "/" or the root instansi ("/1/"): the only paths with one component. */
	int slashes = 0;
	for (const char *c = scope; c && *c; c++)
		slashes += *c == '/';
	return scope && scope[0] == '/' && slashes <= 2;
}

int kasus_visible(const struct principal *p, const struct kasus *k)
{
	if (!p || !kasus_role_can_read(p->role))
		return 0;
	if (!k->instansi_path[0])
		return kasus_scope_national(p->scope_path);
	return principal_sees_path(p, k->instansi_path);
}

int kasus_alur_get(struct store *s, const struct principal *p, const char *nomor,
		   struct kasus *out)
{
	if (!p || !kasus_role_can_read(p->role))
		return APP_EPERM;
	int rc = store_kasus_get_by_nomor(s, nomor ? nomor : "", out);
	if (rc)
		return rc;
	/* Out of scope reads exactly like absent: existence never leaks. */
	return kasus_visible(p, out) ? 0 : APP_ENOTFOUND;
}

#define JEDA_MAX 32

static size_t load_pauses(struct store *s, int64_t kasus_id, struct pause *out)
{
	struct kasus_jeda_row rows[JEDA_MAX];
	size_t n = 0;
	if (store_kasus_jeda_list(s, kasus_id, rows, JEDA_MAX, &n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		out[i].from = rows[i].mulai_hari;
		out[i].to = rows[i].selesai_hari;
	}
	return n;
}

static int32_t day_of_ms(int64_t ms)
{
	return (int32_t)((ms / 1000 + 7 * 3600) / 86400);
}

int kasus_alur_posisi(struct store *s, const struct workflow *wf, const struct kasus *k,
		      int32_t today, struct kasus_posisi *out)
{
	memset(out, 0, sizeof(*out));
	struct kasus_jam_row jam;
	int rc = store_kasus_jam_get(s, k->id, &jam);
	if (rc == APP_ENOTFOUND) {
		jam.mulai_hari = day_of_ms(k->tahap_sejak_ms);
		jam.diperpanjang = 0;
	} else if (rc) {
		return rc;
	}
	struct pause p[JEDA_MAX];
	size_t np = load_pauses(s, k->id, p);
	struct kasus_jam j = { .tahap = k->tahap, .konteks = k->konteks, .mulai = jam.mulai_hari,
			       .diperpanjang = jam.diperpanjang, .jeda = p, .njeda = np };
	rc = kasus_tenggat_hitung(wf, kasus_calendar(), &j, &out->t);
	if (rc)
		return rc;
	out->mulai = jam.mulai_hari;
	out->diperpanjang = jam.diperpanjang;
	out->bisa_diperpanjang = out->t.stage->extension > 0 && !jam.diperpanjang;
	out->status = kasus_tenggat_status(out->t.ada ? out->t.jatuh_tempo : 0, today);
	return 0;
}

/* ---- fields of a transition ---- */

static const char *field(const struct kasus_pindah *pd, const char *name)
{
	for (size_t i = 0; i < pd->nfields; i++)
		if (!strcmp(pd->fields[i].name, name))
			return pd->fields[i].value;
	return NULL;
}

static int have_field(void *ctx, const char *name)
{
	const char *v = field(ctx, name);
	while (v && (*v == ' ' || *v == '\t'))
		v++;
	return v && *v;
}

static int text_ok(const char *v, size_t max)
{
	size_t n = strlen(v);
	if (n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 && v[i] != '\n' && v[i] != '\r' && v[i] != '\t')
			return 0;
	return 1;
}

/* Fields with a known meaning are checked against the reference data;
 * any other field is free text of bounded length. */
static int check_fields(const struct kasus_pindah *pd, struct kasus_pindah_hasil *r)
{
	for (size_t i = 0; i < pd->nfields; i++) {
		const char *n = pd->fields[i].name, *v = pd->fields[i].value;
		r->field = n;
		if (!v || !*v)
			continue;
		if (!text_ok(v, 2000)) {
			r->msg = M_KS_FIELD_BAD;
			return APP_EINVAL;
		}
		int32_t d;
		if (!strcmp(n, "tingkat_sanksi") && sanction_level_parse(v) == SANCTION_NONE) {
			r->msg = M_KS_BAD_LEVEL;
			return APP_EINVAL;
		}
		if (!strcmp(n, "jenis_hukuman") && !kasus_sanction_type(v)) {
			r->msg = M_KS_BAD_HUKUMAN;
			return APP_EINVAL;
		}
		if (!strcmp(n, "jenis_pelanggaran") && !kasus_pelanggaran_known(v)) {
			r->msg = M_KS_BAD_PELANGGARAN;
			return APP_EINVAL;
		}
		if (!strcmp(n, "tanggal_sk") && date_parse_iso(v, strlen(v), &d)) {
			r->msg = M_KS_BAD_DATE;
			return APP_EINVAL;
		}
		if (!strcmp(n, "nomor_sk") && strlen(v) > 79) {
			r->msg = M_KS_FIELD_BAD;
			return APP_EINVAL;
		}
	}
	r->field = NULL;
	return 0;
}

/* ---- the clock of the stage entered ---- */

struct resume {
	const struct workflow *wf;
	const char *konteks, *to;
	int32_t cand;
	int resumable;
	char tingkat[16];           /* the last recommended sanction level */
};

static int see_step(void *ctx, const struct kasus_langkah *l)
{
	struct resume *w = ctx;
	if (!strcmp(l->dari, l->ke))
		return 0; /* an extension */
	const struct wf_stage *st = workflow_stage(w->wf, l->ke, w->konteks);
	if (!strcmp(l->ke, w->to)) {
		w->cand = l->mulai_hari;
		w->resumable = 0;
	} else if (st && st->pauses_clock) {
		if (w->cand)
			w->resumable = 1;
	} else if (st && st->deadline > 0) {
		w->cand = 0;
	}
	/* The recommendation's level, to check the sanction against. */
	const char *key = "\"tingkat_sanksi\":\"";
	const char *t = strstr(l->isian, key);
	if (t) {
		t += strlen(key);
		size_t n = strcspn(t, "\"");
		if (n < sizeof(w->tingkat)) {
			memcpy(w->tingkat, t, n);
			w->tingkat[n] = '\0';
		}
	}
	return 0;
}

/* ---- side effects of particular stages ---- */

static int set_blokir(struct store *s, const struct principal *p, const struct kasus *k, int on,
		      struct kasus_pindah_hasil *r)
{
	struct pegawai e;
	int rc = store_pegawai_get(s, k->pegawai_id, &e);
	if (rc)
		return rc;
	if (e.blokir == on)
		return 0;
	char reason[256] = "";
	if (on)
		snprintf(reason, sizeof(reason), "%s (kasus %s)", msgc(M_KS_BLOKIR_REASON), k->nomor);
	rc = store_pegawai_set_blokir(s, e.id, on, reason);
	if (rc)
		return rc;
	struct diff d;
	diff_init(&d);
	diff_int(&d, "blokir", e.blokir, on);
	diff_note(&d, "alasan", on ? reason : "PPK menindaklanjuti rekomendasi");
	diff_note(&d, "nomor_perkara", k->nomor);
	rc = audit_append(s, p, on ? "blokir" : "buka_blokir", "pegawai", e.nip, diff_json(&d));
	diff_release(&d);
	r->blokir = on ? 1 : -1;
	return rc;
}

struct prev_sanctions {
	const struct sanction_type *t[32];
	size_t n;
};

static int see_prev(void *ctx, const struct kasus_sanksi *x)
{
	struct prev_sanctions *w = ctx;
	const struct sanction_type *t = kasus_sanction_type(x->jenis);
	if (t && w->n < ARRAY_SIZE(w->t))
		w->t[w->n++] = t;
	return 0;
}

static int record_sanction(struct store *s, const struct principal *p, const struct kasus *k,
			   const struct kasus_pindah *pd, const char *recommended,
			   const char *lampiran_json, struct kasus_pindah_hasil *r)
{
	const struct sanction_type *t = kasus_sanction_type(field(pd, "jenis_hukuman"));
	struct prev_sanctions prev = { .n = 0 };
	int rc = 0;
	if (k->pegawai_id)
		rc = store_kasus_sanksi_list(s, 0, k->pegawai_id, see_prev, &prev);
	if (rc)
		return rc;
	struct kasus_sanksi *x = xmalloc(sizeof(*x));
	memset(x, 0, sizeof(*x));
	x->kasus_id = k->id;
	x->pegawai_id = k->pegawai_id;
	snprintf(x->jenis, sizeof(x->jenis), "%s", t->code);
	snprintf(x->tingkat, sizeof(x->tingkat), "%s", sanction_level_name(t->level));
	x->urutan = t->rank;
	snprintf(x->rekomendasi, sizeof(x->rekomendasi), "%s",
		 sanction_level_name(sanction_level_parse(recommended)));
	snprintf(x->nomor_sk, sizeof(x->nomor_sk), "%s", field(pd, "nomor_sk"));
	const char *tgl = field(pd, "tanggal_sk");
	date_parse_iso(tgl, strlen(tgl), &x->tanggal_sk);
	snprintf(x->lampiran, sizeof(x->lampiran), "%s", lampiran_json);
	x->flags = sanction_check(t, sanction_level_parse(recommended), prev.t, prev.n);
	snprintf(x->aktor, sizeof(x->aktor), "%s", p->username[0] ? p->username : "sistem");
	rc = store_kasus_sanksi_insert(s, x);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_note(&d, "kasus", k->nomor);
		diff_note(&d, "jenis", x->jenis);
		diff_note(&d, "rekomendasi", x->rekomendasi);
		diff_note(&d, "nomor_sk", x->nomor_sk);
		diff_int(&d, "flags", 0, x->flags);
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)x->id);
		rc = audit_append(s, p, "sanksi_catat", "kasus_sanksi", id, diff_json(&d));
		diff_release(&d);
		r->sanksi_flags = x->flags;
	}
	free(x);
	return rc;
}

/* Attachments (BAP, SK) are stored like the reporter's evidence: by the
 * SHA-256 of their bytes, as files of the case (kasus_bukti, oleh petugas),
 * and listed by hash in the history row. */

static void isian_json(const struct kasus_pindah *pd, struct buf *b)
{
	struct jsonw w;
	jsonw_init(&w, b);
	jsonw_obj_begin(&w);
	for (size_t i = 0; i < pd->nfields; i++)
		if (pd->fields[i].value && pd->fields[i].value[0])
			jsonw_kv_str(&w, pd->fields[i].name, pd->fields[i].value);
	jsonw_obj_end(&w);
}

static int move(struct store *s, const struct principal *p, struct kasus *k,
		const struct workflow *wf, const struct kasus_pindah *pd,
		struct kasus_pindah_hasil *r)
{
	const char *missing = NULL;
	int rc = workflow_check(wf, k->tahap, pd->ke, p->role, have_field, (void *)pd, &missing);
	if (rc == APP_ENOTFOUND) {
		r->msg = M_KS_NO_TRANSITION;
		r->field = "ke";
		return APP_EINVAL;
	}
	if (rc == APP_EPERM) {
		r->msg = M_KS_ROLE_DENIED;
		return APP_EPERM;
	}
	if (rc == APP_EINVAL) {
		/* missing points into wf, released before the caller reads r. */
		snprintf(r->field_buf, sizeof(r->field_buf), "%s", missing ? missing : "");
		r->field = r->field_buf;
		r->msg = M_KS_FIELD_REQUIRED;
		return APP_EINVAL;
	}
	if ((rc = check_fields(pd, r)))
		return rc;
	const struct wf_stage *from = workflow_stage(wf, k->tahap, k->konteks);
	const struct wf_stage *to = workflow_stage(wf, pd->ke, k->konteks);
	if (!strcmp(pd->ke, "blokir_data") && !k->pegawai_id) {
		r->field = "pegawai";
		r->msg = M_KS_NO_PEGAWAI;
		return APP_EINVAL;
	}
	int32_t today = kasus_today();
	/* The pause: waiting on the reporter stops the clock, leaving it
	 * starts it again. */
	if (from && from->pauses_clock && !(to && to->pauses_clock)) {
		rc = store_kasus_jeda_tutup(s, k->id, today);
		if (rc == APP_ENOTFOUND)
			rc = 0;
	}
	if (!rc && to && to->pauses_clock && !(from && from->pauses_clock))
		rc = store_kasus_jeda_buka(s, k->id, today);
	if (rc)
		return rc;
	struct resume res = { .wf = wf, .konteks = k->konteks, .to = pd->ke };
	if ((rc = store_kasus_langkah_list(s, k->id, see_step, &res)))
		return rc;
	struct kasus_jam_row jam = { .kasus_id = k->id, .mulai_hari = today };
	if (res.cand && res.resumable)
		jam.mulai_hari = res.cand;
	struct pause pz[JEDA_MAX];
	size_t np = load_pauses(s, k->id, pz);
	struct kasus_jam j = { .tahap = pd->ke, .konteks = k->konteks, .mulai = jam.mulai_hari,
			       .jeda = pz, .njeda = np };
	struct kasus_tenggat t;
	if ((rc = kasus_tenggat_hitung(wf, kasus_calendar(), &j, &t)))
		return rc;
	r->tenggat = t.ada ? t.jatuh_tempo : 0;

	struct buf lamp;
	buf_init(&lamp, KASUS_LAMPIRAN_MAX - 1);
	enum msg_id why = M_KS_ATTACHMENT_BAD;
	rc = kasus_lampiran_simpan(s, p, k, pd->lampiran, pd->nlampiran, &lamp, &why);
	if (rc) {
		r->field = "lampiran";
		r->msg = why;
		buf_release(&lamp);
		return rc;
	}
	const char *lamp_json = lamp.len ? lamp.ptr : "[]";
	if (!rc && !strcmp(pd->ke, "blokir_data"))
		rc = set_blokir(s, p, k, 1, r);
	if (!rc && !strcmp(k->tahap, "blokir_data") && k->pegawai_id)
		rc = set_blokir(s, p, k, 0, r);
	if (!rc && have_field((void *)pd, "jenis_hukuman"))
		rc = record_sanction(s, p, k, pd, res.tingkat, lamp_json, r);

	char dari[KASUS_TAHAP_MAX];
	snprintf(dari, sizeof(dari), "%s", k->tahap);
	snprintf(k->tahap, sizeof(k->tahap), "%s", pd->ke);
	k->tahap_sejak_ms = 0;
	k->tenggat_hari = r->tenggat;
	k->workflow_versi = wf->version;
	if (to && to->pauses_clock && have_field((void *)pd, "kekurangan"))
		snprintf(k->kekurangan, sizeof(k->kekurangan), "%s", field(pd, "kekurangan"));
	if (!rc)
		rc = store_kasus_set_tahap(s, k, 0);
	if (!rc)
		rc = store_kasus_jam_put(s, &jam);
	struct kasus_langkah *l = xmalloc(sizeof(*l));
	memset(l, 0, sizeof(*l));
	if (!rc) {
		l->kasus_id = k->id;
		snprintf(l->dari, sizeof(l->dari), "%s", dari);
		snprintf(l->ke, sizeof(l->ke), "%s", pd->ke);
		l->aktor_id = p->user_id;
		snprintf(l->aktor, sizeof(l->aktor), "%s", p->username[0] ? p->username : "sistem");
		snprintf(l->peran, sizeof(l->peran), "%s", role_name(p->role));
		struct buf b;
		buf_init(&b, BUF_NOLIMIT);
		isian_json(pd, &b);
		if (b.len >= sizeof(l->isian)) {
			r->field = "isian";
			r->msg = M_KS_FIELD_BAD;
			rc = APP_EINVAL;
		} else {
			snprintf(l->isian, sizeof(l->isian), "%s", b.ptr);
		}
		buf_release(&b);
		snprintf(l->lampiran, sizeof(l->lampiran), "%s", lamp_json);
		l->mulai_hari = jam.mulai_hari;
		l->tenggat_hari = r->tenggat;
		l->workflow_versi = wf->version;
	}
	if (!rc)
		rc = store_kasus_langkah_insert(s, l);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "tahap", dari, pd->ke);
		diff_int(&d, "tenggat_hari", 0, r->tenggat);
		diff_int(&d, "workflow_versi", 0, wf->version);
		diff_note(&d, "isian", l->isian);
		if (lamp.len)
			diff_note(&d, "lampiran", lamp_json);
		rc = audit_append(s, p, "kasus_pindah", "kasus", k->nomor, diff_json(&d));
		diff_release(&d);
	}
	if (!rc) /* subscribers hear of the move in the same transaction */
		rc = pengingat_tahap_event(s, k, dari);
	free(l);
	buf_release(&lamp);
	return rc;
}

int kasus_alur_pindah(struct store *s, const struct principal *p, const char *nomor,
		      const struct kasus_pindah *pd, struct kasus_pindah_hasil *r)
{
	memset(r, 0, sizeof(*r));
	if (!pd || !pd->ke || !*pd->ke) {
		r->field = "ke";
		r->msg = M_KS_FIELD_REQUIRED;
		return APP_EINVAL;
	}
	struct workflow wf;
	struct kasus *k = xmalloc(sizeof(*k));
	/* attachments written for a transition that does not commit are
	 * removed again (app/bukti.h, the journal) */
	bukti_journal_begin();
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (!rc)
		rc = kasus_alur_get(s, p, nomor, k);
	if (!rc)
		rc = kasus_workflow_active(s, &wf);
	if (!rc) {
		rc = move(s, p, k, &wf, pd, r);
		workflow_release(&wf);
	}
	free(k);
	if (rc)
		store_tx_rollback(s);
	else
		rc = store_tx_commit(s);
	bukti_journal_end(rc == 0);
	return rc;
}
