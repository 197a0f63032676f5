/* Templates and campaigns (see kampanye.h). Signing and verification are
 * in kampanye_sign.c, progress and exports in kampanye_progress.c. */
#include "core/compat.h"
#include "app/kampanye.h"
#include "app/audit.h"
#include "app/diff.h"
#include "app/nip.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "crypto/token.h"

int kampanye_may_manage(const struct principal *p)
{
	return p && (p->role == ROLE_ADMIN || p->role == ROLE_BKPSDM);
}

int kampanye_may_view(const struct principal *p)
{
	return p && p->role != ROLE_ASN && p->role != ROLE_NONE &&
	       principal_can(p, PERM_REGISTRY_READ);
}

enum msg_id kampanye_jenis_label(const char *jenis)
{
	if (!jenis)
		return 0;
	if (!strcmp(jenis, "pakta_integritas"))
		return M_KAMP_JENIS_PAKTA;
	if (!strcmp(jenis, "deklarasi_netralitas"))
		return M_KAMP_JENIS_DEKLARASI;
	if (!strcmp(jenis, "lainnya"))
		return M_KAMP_JENIS_LAINNYA;
	return 0;
}

static void copy(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src ? src : "", cap - 1);
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* UTF-8, no control characters but (when multiline) tab and newlines. */
static int text_ok(const char *s, size_t max, int multiline)
{
	if (!s)
		return 0;
	size_t n = strlen(s);
	if (n == 0 || n > max)
		return 0;
	int visible = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0x7f || (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))))
			return 0;
		if (c > ' ')
			visible = 1;
	}
	return visible && csv_utf8_valid(s, n);
}

static int kode_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 2 || n > 47)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* The instansi a manager writes for: the named one (in scope) or the
 * actor's own. */
static int owner_instansi(struct store *s, const struct principal *actor, const char *kode,
			  struct instansi *in)
{
	int rc = kode && *kode ? store_instansi_get_by_kode(s, kode, in)
				: store_instansi_get(s, actor->instansi_id, in);
	if (rc == 0 && !principal_sees_path(actor, in->path))
		rc = APP_ENOTFOUND;
	return rc;
}

/* Text as stored and signed: CRLF from a browser form becomes LF, so the
 * hash does not depend on how the text was sent. */
static void normalise_text(const char *in, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; in[i] && k + 1 < cap; i++)
		if (!(in[i] == '\r' && in[i + 1] == '\n'))
			out[k++] = in[i] == '\r' ? '\n' : in[i];
	out[k] = '\0';
}

static int check_templat(const struct templat_input *in, enum msg_id *err)
{
	if (!kode_ok(in->kode))
		*err = M_KAMP_ERR_KODE;
	else if (!kampanye_jenis_label(in->jenis))
		*err = M_KAMP_ERR_JENIS;
	else if (!text_ok(in->judul, 159, 0))
		*err = M_KAMP_ERR_JUDUL;
	else if (!text_ok(in->teks, TEMPLAT_TEKS_MAX, 1))
		*err = M_KAMP_ERR_TEKS;
	else
		return 0;
	return APP_EINVAL;
}

static void fill_templat(struct dok_templat *t, const struct templat_input *in)
{
	copy(t->jenis, sizeof(t->jenis), in->jenis);
	copy(t->judul, sizeof(t->judul), in->judul);
	normalise_text(in->teks, t->teks, sizeof(t->teks));
	token_sha256_hex(t->teks, strlen(t->teks), t->teks_sha256);
}

static int finish(struct store *s, int rc)
{
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int kampanye_templat_create(struct store *s, const struct principal *actor,
			    const struct templat_input *in, int64_t *id_out, enum msg_id *err)
{
	enum msg_id dummy;
	if (!err)
		err = &dummy;
	*err = 0;
	if (!kampanye_may_manage(actor))
		return APP_EPERM;
	int rc = check_templat(in, err);
	if (rc)
		return rc;
	struct dok_templat *t = xcalloc(1, sizeof(*t));
	struct instansi inst;
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc) {
		free(t);
		return rc;
	}
	rc = owner_instansi(s, actor, in->instansi_kode, &inst);
	if (rc == APP_ENOTFOUND) {
		*err = M_AUTH_INSTANSI_UNKNOWN;
		rc = APP_EINVAL;
	}
	if (!rc) {
		t->instansi_id = inst.id;
		copy(t->kode, sizeof(t->kode), in->kode);
		fill_templat(t, in);
		copy(t->created_by, sizeof(t->created_by), actor->username);
		rc = store_templat_max_versi(s, inst.id, t->kode, &t->versi);
	}
	if (!rc) {
		t->versi++;
		rc = store_templat_insert(s, t);
	}
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "instansi", NULL, inst.kode);
		diff_str(&d, "kode", NULL, t->kode);
		diff_int(&d, "versi", 0, t->versi);
		diff_str(&d, "judul", NULL, t->judul);
		diff_str(&d, "teks_sha256", NULL, t->teks_sha256);
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)t->id);
		rc = audit_append(s, actor, "templat_create", "templat", id, diff_json(&d));
		diff_release(&d);
	}
	if (!rc && id_out)
		*id_out = t->id;
	free(t);
	return finish(s, rc);
}

int kampanye_templat_update(struct store *s, const struct principal *actor, int64_t id,
			    const struct templat_input *in, enum msg_id *err)
{
	enum msg_id dummy;
	if (!err)
		err = &dummy;
	*err = 0;
	if (!kampanye_may_manage(actor))
		return APP_EPERM;
	struct dok_templat *t = xcalloc(1, sizeof(*t));
	struct templat_input checked = *in;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc) {
		free(t);
		return rc;
	}
	struct instansi inst;
	rc = store_templat_get(s, id, t);
	if (!rc)
		rc = store_instansi_get(s, t->instansi_id, &inst);
	if (!rc && !principal_sees_path(actor, inst.path))
		rc = APP_ENOTFOUND;
	checked.kode = t->kode;
	if (!rc)
		rc = check_templat(&checked, err);
	/* The app refuses first; the trigger of migration 0007 backs it up. */
	if (!rc && t->n_signed > 0) {
		*err = M_KAMP_TEMPLAT_SIGNED;
		rc = APP_ECONFLICT;
	}
	char old_sha[65];
	copy(old_sha, sizeof(old_sha), t->teks_sha256);
	if (!rc) {
		fill_templat(t, &checked);
		rc = store_templat_update(s, t);
		if (rc == APP_ECONSTRAINT) {
			*err = M_KAMP_TEMPLAT_SIGNED;
			rc = APP_ECONFLICT;
		}
	}
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "teks_sha256", old_sha, t->teks_sha256);
		diff_str(&d, "judul", NULL, t->judul);
		char sid[24];
		snprintf(sid, sizeof(sid), "%lld", (long long)id);
		rc = audit_append(s, actor, "templat_update", "templat", sid, diff_json(&d));
		diff_release(&d);
	}
	free(t);
	return finish(s, rc);
}

int kampanye_templat_get(struct store *s, const struct principal *actor, int64_t id,
			 struct dok_templat *out)
{
	if (!kampanye_may_view(actor))
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	struct instansi inst;
	rc = store_templat_get(s, id, out);
	if (!rc)
		rc = store_instansi_get(s, out->instansi_id, &inst);
	if (!rc && !principal_sees_path(actor, inst.path))
		rc = APP_ENOTFOUND;
	store_tx_rollback(s);
	return rc;
}

struct ids {
	int64_t *v;
	size_t n, cap;
};

static void ids_add(struct ids *x, int64_t id)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->v = xrealloc(x->v, st_mult(x->cap, sizeof(*x->v)));
	}
	x->v[x->n++] = id;
}

static int collect_instansi(void *ctx, const struct instansi *in)
{
	ids_add(ctx, in->id);
	return 0;
}

int kampanye_templat_list(struct store *s, const struct principal *actor,
			  int (*cb)(void *ctx, const struct dok_templat *), void *ctx)
{
	if (!kampanye_may_view(actor))
		return APP_EPERM;
	struct ids inst = { 0 };
	int rc = store_instansi_list(s, actor->scope_path, collect_instansi, &inst);
	for (size_t i = 0; !rc && i < inst.n; i++)
		rc = store_templat_list(s, inst.v[i], cb, ctx);
	free(inst.v);
	return rc;
}

/* ---- campaigns ---- */

static int add_nips(struct store *s, int64_t kampanye_id, int64_t instansi_id, const char *text,
		    size_t *count, enum msg_id *err)
{
	const char *p = text ? text : "";
	*count = 0;
	while (*p) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		size_t n = 0;
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		if (n != 18) {
			/* a header, a number in another column: only 18-digit runs are NIPs */
			p += n;
			continue;
		}
		char nip[19];
		memcpy(nip, p, 18);
		nip[18] = '\0';
		p += n;
		struct pegawai e;
		int rc = store_pegawai_get_by_nip(s, nip, &e);
		if (rc == APP_ENOTFOUND || (!rc && e.instansi_id != instansi_id)) {
			*err = M_KAMP_ERR_NIP_UNKNOWN;
			return APP_EINVAL;
		}
		if (!rc)
			rc = store_kampanye_add_nip(s, kampanye_id, nip);
		if (rc)
			return rc;
		if (++*count > KAMPANYE_MAX_NIPS)
			return APP_ETOOBIG;
	}
	if (*count == 0) {
		*err = M_KAMP_ERR_NIPS;
		return APP_EINVAL;
	}
	return 0;
}

int kampanye_create(struct store *s, const struct principal *actor,
		    const struct kampanye_input *in, int64_t *id_out, enum msg_id *err)
{
	enum msg_id dummy;
	if (!err)
		err = &dummy;
	*err = 0;
	if (!kampanye_may_manage(actor))
		return APP_EPERM;
	struct kampanye k;
	memset(&k, 0, sizeof(k));
	if (!text_ok(in->nama, 159, 0)) {
		*err = M_KAMP_ERR_NAMA;
		return APP_EINVAL;
	}
	if (!text_ok(in->periode, 63, 0)) {
		*err = M_KAMP_ERR_PERIODE;
		return APP_EINVAL;
	}
	int32_t day;
	if (!in->tenggat || date_parse_iso(in->tenggat, strlen(in->tenggat), &day)) {
		*err = M_KAMP_ERR_TENGGAT;
		return APP_EINVAL;
	}
	const char *c = in->cakupan ? in->cakupan : "";
	if (strcmp(c, "instansi") && strcmp(c, "unit") && strcmp(c, "nip")) {
		*err = M_KAMP_ERR_CAKUPAN;
		return APP_EINVAL;
	}
	if (!strcmp(c, "unit") && in->n_units == 0) {
		*err = M_KAMP_ERR_UNITS;
		return APP_EINVAL;
	}
	copy(k.nama, sizeof(k.nama), in->nama);
	copy(k.periode, sizeof(k.periode), in->periode);
	copy(k.cakupan, sizeof(k.cakupan), c);
	copy(k.created_by, sizeof(k.created_by), actor->username);
	k.tenggat_hari = day;
	k.templat_id = in->templat_id;

	struct dok_templat *t = xcalloc(1, sizeof(*t));
	struct instansi inst;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc) {
		free(t);
		return rc;
	}
	rc = store_templat_get(s, in->templat_id, t);
	if (!rc)
		rc = store_instansi_get(s, t->instansi_id, &inst);
	if (rc == APP_ENOTFOUND || (!rc && !principal_sees_path(actor, inst.path))) {
		*err = M_KAMP_ERR_TEMPLAT;
		rc = APP_EINVAL;
	}
	if (!rc) {
		k.instansi_id = inst.id;
		rc = store_kampanye_insert(s, &k);
	}
	size_t scope_n = 0;
	for (size_t i = 0; !rc && !strcmp(c, "unit") && i < in->n_units; i++) {
		struct unit_kerja u;
		rc = store_unit_get_by_kode(s, inst.id, in->units[i], &u);
		if (rc == APP_ENOTFOUND) {
			*err = M_KAMP_ERR_UNITS;
			rc = APP_EINVAL;
		}
		if (!rc)
			rc = store_kampanye_add_unit(s, k.id, u.id);
		scope_n++;
	}
	if (!rc && !strcmp(c, "nip"))
		rc = add_nips(s, k.id, inst.id, in->nips, &scope_n, err);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "instansi", NULL, inst.kode);
		diff_str(&d, "nama", NULL, k.nama);
		diff_str(&d, "periode", NULL, k.periode);
		diff_int(&d, "templat_id", 0, k.templat_id);
		diff_str(&d, "teks_sha256", NULL, t->teks_sha256);
		diff_str(&d, "tenggat", NULL, in->tenggat);
		diff_str(&d, "cakupan", NULL, k.cakupan);
		if (scope_n)
			diff_int(&d, "cakupan_jumlah", 0, (int64_t)scope_n);
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)k.id);
		rc = audit_append(s, actor, "kampanye_create", "kampanye", id, diff_json(&d));
		diff_release(&d);
	}
	free(t);
	rc = finish(s, rc);
	if (!rc && id_out)
		*id_out = k.id;
	return rc;
}

/* Inside a read or write transaction: may actor see campaign k? */
static int may_see(struct store *s, const struct principal *actor, const struct kampanye *k)
{
	if (actor->role == ROLE_ASN) {
		int in = 0;
		int rc = actor->nip[0] ? store_kampanye_in_scope(s, k->id, actor->nip, &in) : 0;
		if (rc)
			return rc;
		return in ? 0 : APP_ENOTFOUND;
	}
	if (!kampanye_may_view(actor) || !principal_sees_path(actor, k->instansi_path))
		return APP_ENOTFOUND;
	return 0;
}

int kampanye_get(struct store *s, const struct principal *actor, int64_t id,
		 struct kampanye *k, struct dok_templat *t)
{
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_kampanye_get(s, id, k);
	if (!rc)
		rc = may_see(s, actor, k);
	if (!rc && t)
		rc = store_templat_get(s, k->templat_id, t);
	store_tx_rollback(s);
	return rc;
}

struct list_ctx {
	struct kampanye *v;
	size_t n, cap;
};

static int collect_kampanye(void *ctx, const struct kampanye *k)
{
	struct list_ctx *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, st_mult(l->cap, sizeof(*l->v)));
	}
	l->v[l->n++] = *k;
	return 0;
}

int kampanye_list(struct store *s, const struct principal *actor,
		  int (*cb)(void *ctx, const struct kampanye *), void *ctx)
{
	if (actor->role != ROLE_ASN && !kampanye_may_view(actor))
		return APP_EPERM;
	struct list_ctx l = { 0 };
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_kampanye_list(s, actor->scope_path, collect_kampanye, &l);
	for (size_t i = 0; !rc && i < l.n; i++) {
		int see = may_see(s, actor, &l.v[i]);
		if (see == APP_ENOTFOUND)
			continue;
		rc = see ? see : cb(ctx, &l.v[i]);
	}
	store_tx_rollback(s);
	free(l.v);
	return rc;
}

int kampanye_my_signature(struct store *s, const struct principal *actor, int64_t kampanye_id,
			  struct tanda_tangan *out)
{
	if (actor->role != ROLE_ASN || !actor->nip[0])
		return APP_ENOTFOUND;
	return store_ttd_get(s, kampanye_id, actor->nip, out);
}
