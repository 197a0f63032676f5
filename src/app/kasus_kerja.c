/* Work on a case besides moving it: the stage extension, assignment, tags,
 * internal notes, and the queues officers work from. */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/err.h"
#include "core/xalloc.h"

/* Begin a write transaction and read the case in scope. */
static int open_case(struct store *s, const struct principal *p, const char *nomor,
		     struct kasus *k)
{
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (!rc)
		rc = kasus_alur_get(s, p, nomor, k);
	if (rc)
		store_tx_rollback(s);
	return rc;
}

static int finish(struct store *s, int rc)
{
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

static int may_work(const struct principal *p)
{
	/* Auditors and custodians read; they do not handle cases. */
	return p && (p->role == ROLE_ADMIN || p->role == ROLE_BKN || p->role == ROLE_BAWASLU ||
		     p->role == ROLE_PPK || p->role == ROLE_BKPSDM);
}

int kasus_alur_perpanjang(struct store *s, const struct principal *p, const char *nomor,
			  const char *alasan, enum msg_id *why)
{
	*why = M_KS_NO_EXTENSION;
	if (!alasan || !*alasan || strlen(alasan) > 2000) {
		*why = M_KS_ALASAN_REQUIRED;
		return APP_EINVAL;
	}
	struct kasus *k = xmalloc(sizeof(*k));
	struct workflow wf;
	int rc = open_case(s, p, nomor, k);
	if (rc) {
		free(k);
		return rc;
	}
	rc = kasus_workflow_active(s, &wf);
	struct kasus_posisi pos;
	if (!rc)
		rc = kasus_alur_posisi(s, &wf, k, kasus_today(), &pos);
	if (!rc && p->role != ROLE_ADMIN && p->role != pos.t.stage->owner) {
		*why = M_KS_ROLE_DENIED;
		rc = APP_EPERM;
	}
	if (!rc && !pos.bisa_diperpanjang)
		rc = APP_EINVAL;
	if (!rc) {
		struct kasus_jam_row jam = { .kasus_id = k->id, .mulai_hari = pos.mulai, .diperpanjang = 1 };
		rc = store_kasus_jam_put(s, &jam);
	}
	struct kasus_posisi after;
	if (!rc)
		rc = kasus_alur_posisi(s, &wf, k, kasus_today(), &after);
	if (!rc) {
		k->tenggat_hari = after.t.jatuh_tempo;
		k->tahap_sejak_ms = 0;
		rc = store_kasus_set_tahap(s, k, 0);
	}
	struct kasus_langkah *l = xmalloc(sizeof(*l));
	memset(l, 0, sizeof(*l));
	if (!rc) {
		l->kasus_id = k->id;
		snprintf(l->dari, sizeof(l->dari), "%s", k->tahap);
		snprintf(l->ke, sizeof(l->ke), "%s", k->tahap);
		l->aktor_id = p->user_id;
		snprintf(l->aktor, sizeof(l->aktor), "%s", p->username[0] ? p->username : "sistem");
		snprintf(l->peran, sizeof(l->peran), "%s", role_name(p->role));
		struct buf b;
		struct jsonw w;
		buf_init(&b, sizeof(l->isian) - 1);
		jsonw_init(&w, &b);
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "perpanjangan", alasan);
		jsonw_obj_end(&w);
		snprintf(l->isian, sizeof(l->isian), "%s", b.ptr);
		buf_release(&b);
		l->mulai_hari = pos.mulai;
		l->tenggat_hari = after.t.jatuh_tempo;
		l->workflow_versi = wf.version;
		rc = store_kasus_langkah_insert(s, l);
	}
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_int(&d, "tenggat_hari", pos.t.jatuh_tempo, after.t.jatuh_tempo);
		diff_note(&d, "alasan", alasan);
		rc = audit_append(s, p, "kasus_perpanjang", "kasus", k->nomor, diff_json(&d));
		diff_release(&d);
	}
	workflow_release(&wf);
	free(l);
	free(k);
	return finish(s, rc);
}

int kasus_alur_tugaskan(struct store *s, const struct principal *p, const char *nomor,
			const char *username, enum msg_id *why)
{
	*why = M_KS_BAD_USER;
	if (!p || (p->role != ROLE_ADMIN && p->role != ROLE_BKN && p->role != ROLE_BAWASLU)) {
		*why = M_KS_ROLE_DENIED;
		return APP_EPERM;
	}
	struct kasus *k = xmalloc(sizeof(*k));
	int rc = open_case(s, p, nomor, k);
	if (rc) {
		free(k);
		return rc;
	}
	struct user u;
	memset(&u, 0, sizeof(u));
	if (username && *username) {
		rc = store_user_get_by_username(s, username, &u);
		struct principal officer = { .role = role_parse(u.role) };
		snprintf(officer.scope_path, sizeof(officer.scope_path), "%s", u.scope_path);
		if (rc == APP_ENOTFOUND || (!rc && (u.disabled || !kasus_visible(&officer, k))))
			rc = APP_EINVAL;
	}
	if (!rc)
		rc = store_kasus_set_petugas(s, k->id, u.id, 0);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_int(&d, "petugas_id", k->petugas_id, u.id);
		diff_note(&d, "petugas", u.username);
		rc = audit_append(s, p, "kasus_tugaskan", "kasus", k->nomor, diff_json(&d));
		diff_release(&d);
	}
	free(k);
	return finish(s, rc);
}

static int tag_ok(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	if (!n || n > 39)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') || t[i] == '-' ||
		      t[i] == '_'))
			return 0;
	return 1;
}

int kasus_alur_tag(struct store *s, const struct principal *p, const char *nomor,
		   const char *tag, int add, enum msg_id *why)
{
	*why = M_KS_BAD_TAG;
	if (!may_work(p)) {
		*why = M_KS_ROLE_DENIED;
		return APP_EPERM;
	}
	if (!tag_ok(tag))
		return APP_EINVAL;
	struct kasus *k = xmalloc(sizeof(*k));
	int rc = open_case(s, p, nomor, k);
	if (rc) {
		free(k);
		return rc;
	}
	rc = add ? store_kasus_tag_add(s, k->id, tag) : store_kasus_tag_remove(s, k->id, tag);
	if (rc == APP_ECONFLICT || (!add && rc == APP_ENOTFOUND)) {
		*why = M_KS_TAG_EXISTS;
		rc = APP_ECONFLICT;
	}
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_note(&d, "tag", tag);
		rc = audit_append(s, p, add ? "kasus_tag" : "kasus_tag_hapus", "kasus", k->nomor,
				  diff_json(&d));
		diff_release(&d);
	}
	free(k);
	return finish(s, rc);
}

int kasus_alur_catat(struct store *s, const struct principal *p, const char *nomor,
		     const char *teks, enum msg_id *why)
{
	*why = M_KS_TEXT_REQUIRED;
	if (!may_work(p)) {
		*why = M_KS_ROLE_DENIED;
		return APP_EPERM;
	}
	size_t n = teks ? strlen(teks) : 0;
	if (!n || n > 4000)
		return APP_EINVAL;
	struct kasus *k = xmalloc(sizeof(*k));
	int rc = open_case(s, p, nomor, k);
	if (rc) {
		free(k);
		return rc;
	}
	struct kasus_catatan *c = xmalloc(sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->kasus_id = k->id;
	c->aktor_id = p->user_id;
	snprintf(c->aktor, sizeof(c->aktor), "%s", p->username[0] ? p->username : "sistem");
	snprintf(c->teks, sizeof(c->teks), "%s", teks);
	rc = store_kasus_catatan_insert(s, c);
	if (!rc) {
		/* The audit record says a note was written, not what it says:
		 * notes stay inside the case. */
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)c->id);
		struct diff d;
		diff_init(&d);
		diff_note(&d, "catatan_id", id);
		rc = audit_append(s, p, "kasus_catatan", "kasus", k->nomor, diff_json(&d));
		diff_release(&d);
	}
	free(c);
	free(k);
	return finish(s, rc);
}

/* ---- queues ---- */

static const char *const queue_names[] = {
	[KASUS_ANTRIAN_SAYA] = "saya",
	[KASUS_ANTRIAN_TERLAMBAT] = "terlambat",
	[KASUS_ANTRIAN_SEGERA] = "segera",
	[KASUS_ANTRIAN_DITUGASKAN] = "ditugaskan",
	[KASUS_ANTRIAN_SEMUA] = "semua",
};

enum kasus_antrian_jenis kasus_antrian_parse(const char *s)
{
	for (size_t i = 1; s && i < ARRAY_SIZE(queue_names); i++)
		if (!strcmp(s, queue_names[i]))
			return (enum kasus_antrian_jenis)i;
	return 0;
}

const char *kasus_antrian_name(enum kasus_antrian_jenis j)
{
	return (unsigned)j < ARRAY_SIZE(queue_names) && queue_names[j] ? queue_names[j] : "";
}

void kasus_kursor_dari(const struct kasus_ringkas *r, struct kasus_kursor *out)
{
	/* the queue order sorts "no due day" (0 here, NULL in the table) and
	 * "paused" (INT32_MAX) last, as INT32_MAX */
	out->tenggat = r->tenggat_hari ? r->tenggat_hari : INT32_MAX;
	out->created_ms = r->created_ms;
	out->id = r->id;
}

void kasus_kursor_teks(const struct kasus_kursor *k, char out[KASUS_KURSOR_TEKS])
{
	snprintf(out, KASUS_KURSOR_TEKS, "%ld.%lld.%lld", (long)k->tenggat, (long long)k->created_ms,
		 (long long)k->id);
}

int kasus_kursor_baca(const char *s, struct kasus_kursor *out)
{
	int64_t v[3];
	const char *p = s;
	for (int i = 0; i < 3; i++) {
		size_t n = strspn(p, "0123456789");
		if (n == 0 || n > 18 || (i < 2 ? p[n] != '.' : p[n] != '\0'))
			return APP_EINVAL;
		v[i] = 0;
		for (size_t k = 0; k < n; k++)
			v[i] = v[i] * 10 + (p[k] - '0');
		p += n + 1;
	}
	if (v[0] > INT32_MAX || v[2] <= 0)
		return APP_EINVAL;
	out->tenggat = (int32_t)v[0];
	out->created_ms = v[1];
	out->id = v[2];
	return 0;
}

int kasus_alur_antrian(struct store *s, const struct principal *p, enum kasus_antrian_jenis j,
		       const char *tag, int32_t today, int limit, const struct kasus_kursor *sesudah,
		       int (*cb)(void *ctx, const struct kasus_ringkas *), void *ctx)
{
	if (!p || !kasus_role_can_read(p->role))
		return APP_EPERM;
	struct kasus_antrian_filter f = { .scope = p->scope_path, .limit = limit,
					  .national = kasus_scope_national(p->scope_path) };
	if (sesudah)
		f.sesudah = *sesudah;
	if (tag && *tag)
		f.tag = tag;
	struct workflow wf;
	int rc = 0;
	switch (j) {
	case KASUS_ANTRIAN_SAYA:
		/* Stages whose owner is my role and that are still open. */
		rc = kasus_workflow_active(s, &wf);
		if (rc)
			return rc;
		for (size_t i = 0; i < wf.nstages && f.ntahap < KASUS_FILTER_TAHAP_MAX; i++) {
			const struct wf_stage *st = &wf.stages[i];
			if (st->terminal || (st->owner != p->role && p->role != ROLE_ADMIN))
				continue;
			int dup = 0;
			for (size_t k = 0; k < f.ntahap; k++)
				dup |= !strcmp(f.tahap[k], st->code);
			if (!dup)
				f.tahap[f.ntahap++] = st->code;
		}
		if (!f.ntahap) {
			workflow_release(&wf);
			return 0;
		}
		rc = store_kasus_antrian(s, &f, cb, ctx);
		workflow_release(&wf);
		return rc;
	case KASUS_ANTRIAN_TERLAMBAT:
		f.tenggat_sampai = today - 1;
		break;
	case KASUS_ANTRIAN_SEGERA:
		f.tenggat_sampai = today + KASUS_SEGERA_HARI;
		break;
	case KASUS_ANTRIAN_DITUGASKAN:
		if (!p->user_id)
			return 0;
		f.petugas_id = p->user_id;
		break;
	case KASUS_ANTRIAN_SEMUA:
		break;
	default:
		return APP_EINVAL;
	}
	return store_kasus_antrian(s, &f, cb, ctx);
}

int kasus_alur_pegawai(struct store *s, const struct principal *p, int64_t pegawai_id,
		       int (*kasus_cb)(void *ctx, const struct kasus_ringkas *),
		       int (*sanksi_cb)(void *ctx, const struct kasus_sanksi *), void *ctx)
{
	if (!p || !kasus_role_can_read(p->role))
		return APP_EPERM;
	/* The employee page already checked the employee is in scope; the
	 * queue filter applies the scope to each case again. */
	struct kasus_antrian_filter f = { .scope = p->scope_path, .pegawai_id = pegawai_id,
					  .limit = 1000, .national = kasus_scope_national(p->scope_path) };
	int rc = store_kasus_antrian(s, &f, kasus_cb, ctx);
	if (!rc && sanksi_cb)
		rc = store_kasus_sanksi_list(s, 0, pegawai_id, sanksi_cb, ctx);
	return rc;
}
