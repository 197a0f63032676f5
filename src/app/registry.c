/* Scoped reads and writes of the ASN registry (see registry.h). */
#include "core/compat.h"
#include "app/registry.h"
#include "app/registry_int.h"
#include "app/audit.h"
#include "app/diff.h"
#include "app/nip.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/limits.h"
#include <time.h>

static int today_yyyymm(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

void reg_trim_copy(char *dst, size_t cap, const char *src)
{
	if (!src)
		src = "";
	while (*src == ' ' || *src == '\t')
		src++;
	size_t n = strlen(src);
	while (n && (src[n - 1] == ' ' || src[n - 1] == '\t'))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void copy(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src ? src : "", cap - 1);
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* May p see this employee at all? */
static int sees(const struct principal *p, const struct pegawai *e)
{
	if (!principal_sees_path(p, e->instansi_path))
		return 0;
	if (p->role == ROLE_ASN)
		return p->nip[0] && !strcmp(p->nip, e->nip);
	return 1;
}

/* NIP in either accepted form to its 18 digits; -1 when not a NIP. */
static int nip_digits(const char *nip, char out[19])
{
	struct nip_info ni;
	if (!nip || nip_parse(nip, strlen(nip), 0, &ni))
		return -1;
	memcpy(out, ni.digits, 19);
	return 0;
}

int registry_get(struct store *s, const struct principal *p, const char *nip,
		 struct pegawai *out)
{
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	char d[19];
	if (nip_digits(nip, d))
		return APP_ENOTFOUND;
	struct pegawai e;
	int rc = store_pegawai_get_by_nip(s, d, &e);
	if (rc)
		return rc;
	if (!sees(p, &e))
		return APP_ENOTFOUND;
	*out = e;
	return 0;
}

int registry_get_placed(struct store *s, const struct principal *p, const char *nip,
			struct pegawai *out, struct instansi *in, struct unit_kerja *u)
{
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	char d[19];
	if (nip_digits(nip, d))
		return APP_ENOTFOUND;
	int rc = store_pegawai_get_placed(s, d, out, in, u);
	if (rc)
		return rc;
	if (!sees(p, out)) {
		/* nothing of an employee out of scope leaves this function */
		memset(out, 0, sizeof(*out));
		memset(in, 0, sizeof(*in));
		memset(u, 0, sizeof(*u));
		return APP_ENOTFOUND;
	}
	return 0;
}

int registry_place_of(struct store *s, const struct principal *p, const struct pegawai *e,
		      struct instansi *in, struct unit_kerja *u)
{
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	if (!sees(p, e))
		return APP_ENOTFOUND;
	int rc = store_instansi_get(s, e->instansi_id, in);
	if (rc)
		return rc;
	memset(u, 0, sizeof(*u));
	if (e->unit_id)
		rc = store_unit_get(s, e->unit_id, u);
	return rc;
}

struct asn_ctx {
	const struct pegawai_filter *f;
	int n;
};

int registry_list(struct store *s, const struct principal *p, const struct pegawai_filter *f,
		  int (*cb)(void *ctx, const struct pegawai *), void *ctx)
{
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	if (p->role == ROLE_ASN) {
		struct pegawai e;
		int rc = registry_get(s, p, p->nip, &e);
		if (rc == APP_ENOTFOUND)
			return 0;
		if (rc)
			return rc;
		if (f && f->after_nip && strcmp(e.nip, f->after_nip) <= 0)
			return 0;
		return cb(ctx, &e);
	}
	struct pegawai_filter g;
	if (f)
		g = *f;
	else
		memset(&g, 0, sizeof(g));
	g.scope_path = p->scope_path;
	if (g.limit < 0 || g.limit > LIMIT_PAGE_SIZE_HARD)
		g.limit = LIMIT_PAGE_SIZE_HARD;
	return store_pegawai_list(s, &g, cb, ctx);
}

int registry_count(struct store *s, const struct principal *p, const struct pegawai_filter *f,
		   int64_t *n)
{
	*n = 0;
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	if (p->role == ROLE_ASN) {
		struct pegawai e;
		int rc = registry_get(s, p, p->nip, &e);
		if (rc == APP_ENOTFOUND)
			return 0;
		if (rc)
			return rc;
		*n = 1;
		return 0;
	}
	struct pegawai_filter g;
	if (f)
		g = *f;
	else
		memset(&g, 0, sizeof(g));
	g.scope_path = p->scope_path;
	return store_pegawai_count(s, &g, n);
}

int registry_resolve(struct store *s, const struct principal *p, const struct pegawai_input *in,
		     int create_unit, struct reg_place *out, struct field_errors *fe,
		     int *unit_created)
{
	char kode[32], ukode[32], unama[160];
	memset(out, 0, sizeof(*out));
	if (unit_created)
		*unit_created = 0;
	reg_trim_copy(kode, sizeof(kode), in->instansi_kode);
	int rc = store_instansi_get_by_kode(s, kode, &out->inst);
	if (rc == APP_ENOTFOUND || (!rc && !principal_sees_path(p, out->inst.path))) {
		field_errors_add(fe, "instansi_kode", M_REG_INSTANSI_NOT_FOUND);
		return APP_EINVAL;
	}
	if (rc)
		return rc;
	reg_trim_copy(ukode, sizeof(ukode), in->unit_kode);
	if (!ukode[0])
		return 0;
	rc = store_unit_get_by_kode(s, out->inst.id, ukode, &out->unit);
	if (rc != APP_ENOTFOUND)
		return rc;
	reg_trim_copy(unama, sizeof(unama), in->unit_nama);
	if (!create_unit || !unama[0]) {
		field_errors_add(fe, "unit_kode", M_REG_UNIT_NOT_FOUND);
		return APP_EINVAL;
	}
	if (!csv_utf8_valid(unama, strlen(unama))) {
		field_errors_add(fe, "unit_nama", M_REG_TEXT_INVALID);
		return APP_EINVAL;
	}
	memset(&out->unit, 0, sizeof(out->unit));
	out->unit.instansi_id = out->inst.id;
	copy(out->unit.kode, sizeof(out->unit.kode), ukode);
	copy(out->unit.nama, sizeof(out->unit.nama), unama);
	rc = store_unit_put(s, &out->unit);
	if (rc)
		return rc;
	char oid[64];
	snprintf(oid, sizeof(oid), "%s/%s", out->inst.kode, ukode);
	struct diff d;
	diff_init(&d);
	diff_str(&d, "nama", NULL, unama);
	rc = audit_append(s, p, "create", "unit_kerja", oid, diff_json(&d));
	diff_release(&d);
	if (!rc && unit_created)
		*unit_created = 1;
	return rc;
}

/* kode of a unit id for diffs ("" for none). */
static void unit_kode_of(struct store *s, int64_t id, char out[32])
{
	struct unit_kerja u;
	out[0] = '\0';
	if (id && store_unit_get(s, id, &u) == 0)
		copy(out, 32, u.kode);
}

void reg_batch_init(struct reg_batch *b)
{
	memset(b, 0, sizeof(*b));
	sha256_init(&b->h, 0);
}

static void batch_field(struct reg_batch *b, const char *f)
{
	static const char us = 0x1f;
	sha256_update(&b->h, f, strlen(f));
	sha256_update(&b->h, &us, 1);
}

void reg_batch_add(struct reg_batch *b, const struct pegawai *v, const struct reg_place *pl)
{
	batch_field(b, v->nip);
	batch_field(b, v->nama);
	batch_field(b, v->jenis_asn);
	batch_field(b, v->golongan);
	batch_field(b, v->jenis_jabatan);
	batch_field(b, v->jenjang);
	batch_field(b, v->jabatan);
	batch_field(b, pl->inst.kode);
	batch_field(b, pl->unit.kode);
	batch_field(b, v->status);
	sha256_update(&b->h, "\n", 1);
	if (!b->n++)
		copy(b->first, sizeof(b->first), v->nip);
	copy(b->last, sizeof(b->last), v->nip);
}

void reg_batch_hex(const struct reg_batch *b, char out[SHA256_HEX])
{
	struct sha256 h = b->h;
	uint8_t dig[SHA256_BYTES];
	sha256_final(&h, dig);
	sha256_hex(dig, out);
}

int registry_write(struct store *s, const struct principal *p, struct pegawai *v,
		   const struct reg_place *pl, struct registry_save_result *r,
		   struct reg_batch *batch)
{
	v->instansi_id = pl->inst.id;
	v->unit_id = pl->unit.id;
	copy(v->instansi_path, sizeof(v->instansi_path), pl->inst.path);
	int rc;
	if (batch) {
		/* most rows of a bulk import are new: one INSERT, no lookup */
		int inserted = 0;
		v->blokir = 0;
		v->blokir_alasan[0] = '\0';
		v->updated_ms = 0;
		if ((rc = store_pegawai_insert(s, v, &inserted)))
			return rc;
		if (inserted) {
			r->id = v->id;
			r->changed = r->created = 1;
			reg_batch_add(batch, v, pl);
			return 0;
		}
	}
	struct pegawai old;
	rc = store_pegawai_get_by_nip(s, v->nip, &old);
	int exists = rc == 0;
	if (rc && rc != APP_ENOTFOUND)
		return rc;
	if (exists) {
		if (!principal_sees_path(p, old.instansi_path)) {
			field_errors_add(&r->fe, "nip", M_REG_NIP_TAKEN);
			return APP_EPERM;
		}
		r->id = old.id;
		if (!strcmp(old.nama, v->nama) && !strcmp(old.jenis_asn, v->jenis_asn) &&
		    !strcmp(old.golongan, v->golongan) &&
		    !strcmp(old.jenis_jabatan, v->jenis_jabatan) &&
		    !strcmp(old.jenjang, v->jenjang) && !strcmp(old.jabatan, v->jabatan) &&
		    old.instansi_id == v->instansi_id && old.unit_id == v->unit_id &&
		    !strcmp(old.status, v->status))
			return 0; /* nothing to write, nothing to audit */
		/* a change to a blocked employee is refused (an identical
		 * record is not a change, so re-importing an export works) */
		if (old.blokir) {
			copy(r->blokir_alasan, sizeof(r->blokir_alasan), old.blokir_alasan);
			return APP_EBLOCKED;
		}
	}
	v->blokir = 0;
	v->blokir_alasan[0] = '\0';
	v->updated_ms = 0;
	int changed = 0;
	rc = store_pegawai_upsert(s, v, &changed);
	if (rc)
		return rc;
	r->id = v->id;
	if (!changed)
		return 0;
	r->changed = 1;
	r->created = !exists;

	struct diff d;
	diff_init(&d);
	diff_str(&d, "nama", exists ? old.nama : NULL, v->nama);
	diff_str(&d, "jenis_asn", exists ? old.jenis_asn : NULL, v->jenis_asn);
	diff_str(&d, "golongan", exists ? old.golongan : NULL, v->golongan);
	diff_str(&d, "jenis_jabatan", exists ? old.jenis_jabatan : NULL, v->jenis_jabatan);
	diff_str(&d, "jenjang", exists ? old.jenjang : NULL, v->jenjang);
	diff_str(&d, "jabatan", exists ? old.jabatan : NULL, v->jabatan);
	if (!exists || old.instansi_id != v->instansi_id) {
		struct instansi oi;
		const char *ok = NULL;
		if (exists && store_instansi_get(s, old.instansi_id, &oi) == 0)
			ok = oi.kode;
		diff_str(&d, "instansi_kode", exists ? (ok ? ok : "") : NULL, pl->inst.kode);
	}
	if (!exists || old.unit_id != v->unit_id) {
		char ok[32];
		if (exists)
			unit_kode_of(s, old.unit_id, ok);
		diff_str(&d, "unit_kode", exists ? ok : NULL, pl->unit.kode);
	}
	diff_str(&d, "status", exists ? old.status : NULL, v->status);
	rc = audit_append(s, p, exists ? "update" : "create", "pegawai", v->nip, diff_json(&d));
	diff_release(&d);
	return rc;
}

int registry_save(struct store *s, const struct principal *p, const struct pegawai_input *in,
		  struct registry_save_result *r)
{
	memset(r, 0, sizeof(*r));
	if (!principal_can(p, PERM_REGISTRY_WRITE))
		return APP_EPERM;
	struct pegawai v;
	memset(&v, 0, sizeof(v));
	int rc = registry_validate(in, today_yyyymm(), &v, &r->fe);
	if (rc)
		return rc;
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	struct reg_place pl;
	rc = registry_resolve(s, p, in, 0, &pl, &r->fe, NULL);
	if (!rc)
		rc = registry_write(s, p, &v, &pl, r, NULL);
	if (rc) {
		store_tx_rollback(s);
		r->changed = r->created = 0;
		return rc;
	}
	rc = store_tx_commit(s);
	if (rc)
		r->changed = r->created = 0;
	return rc;
}

static int blokir_change(struct store *s, const struct principal *p, const char *nip,
			 int to, const char *alasan, const char *perkara, struct field_errors *fe)
{
	if (!principal_can(p, PERM_REGISTRY_BLOKIR))
		return APP_EPERM;
	char why[200];
	reg_trim_copy(why, sizeof(why), alasan);
	size_t n = strlen(why);
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)why[i] < 0x20 || why[i] == 0x7f)
			bad = 1;
	if (!n || bad || !csv_utf8_valid(why, n)) {
		if (fe)
			field_errors_add(fe, "alasan", n ? M_REG_TEXT_INVALID : M_REG_ALASAN_REQUIRED);
		return APP_EINVAL;
	}
	char no[48] = "";
	reg_trim_copy(no, sizeof(no), perkara);
	if (!csv_utf8_valid(no, strlen(no)) || strpbrk(no, "\r\n\t")) {
		if (fe)
			field_errors_add(fe, "nomor_perkara", M_REG_TEXT_INVALID);
		return APP_EINVAL;
	}
	struct pegawai e;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = registry_get(s, p, nip, &e);
	if (!rc && e.blokir == to)
		rc = APP_ECONFLICT;
	char reason[256] = "";
	if (!rc && to) {
		if (no[0])
			snprintf(reason, sizeof(reason), "%s (perkara %s)", why, no);
		else
			snprintf(reason, sizeof(reason), "%s", why);
	}
	if (!rc)
		rc = store_pegawai_set_blokir(s, e.id, to, reason);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_int(&d, "blokir", e.blokir, to);
		diff_note(&d, "alasan", why);
		if (no[0])
			diff_note(&d, "nomor_perkara", no);
		rc = audit_append(s, p, to ? "blokir" : "buka_blokir", "pegawai", e.nip,
				  diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int registry_set_blokir(struct store *s, const struct principal *p, const char *nip,
			const char *alasan, const char *nomor_perkara, struct field_errors *fe)
{
	return blokir_change(s, p, nip, 1, alasan, nomor_perkara, fe);
}

int registry_lift_blokir(struct store *s, const struct principal *p, const char *nip,
			 const char *alasan)
{
	return blokir_change(s, p, nip, 0, alasan, NULL, NULL);
}

int registry_instansi_list(struct store *s, const struct principal *p,
			   int (*cb)(void *ctx, const struct instansi *), void *ctx)
{
	if (!principal_can(p, PERM_REGISTRY_READ) || !principal_sees_path(p, p->scope_path))
		return APP_EPERM;
	return store_instansi_list(s, p->scope_path, cb, ctx);
}

int registry_unit_list(struct store *s, const struct principal *p, int64_t instansi_id,
		       int (*cb)(void *ctx, const struct unit_kerja *), void *ctx)
{
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	struct instansi in;
	int rc = store_instansi_get(s, instansi_id, &in);
	if (rc)
		return rc;
	if (!principal_sees_path(p, in.path))
		return APP_ENOTFOUND;
	return store_unit_list(s, instansi_id, cb, ctx);
}
