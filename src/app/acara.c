/* Apel and sosialisasi events: permissions, WIB times, create/edit with
 * audit, reads in scope. Attendance is in acara_hadir.c, coverage in
 * acara_cakupan.c, material files in acara_materi.c. */
#include "core/compat.h"
#include "app/acara.h"
#include "app/acara_int.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/err.h"
#include <sodium.h>

#define WIB_MS (7 * 3600 * 1000LL)
#define DAY_MS (86400 * 1000LL)
#define ACARA_MAX_DAYS 31

int acara_can_manage(const struct principal *p)
{
	return p && (p->role == ROLE_ADMIN || p->role == ROLE_BKPSDM);
}

int acara_can_read(const struct principal *p)
{
	return acara_can_manage(p) ||
	       (p && (p->role == ROLE_BKN || p->role == ROLE_AUDITOR || p->role == ROLE_PPK));
}

static int two(const char *s, int *v)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	return 0;
}

int acara_parse_time(const char *s, int64_t *ms)
{
	int32_t day;
	int h, m;
	if (!s || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return -1;
	if (date_parse_iso(s, 10, &day) || two(s + 11, &h) || two(s + 14, &m) || h > 23 || m > 59)
		return -1;
	*ms = (int64_t)day * DAY_MS + (int64_t)h * 3600000 + (int64_t)m * 60000 - WIB_MS;
	return 0;
}

void acara_format_time(int64_t ms, char *out, size_t outsz)
{
	int64_t t = ms + WIB_MS;
	int64_t day = t >= 0 ? t / DAY_MS : -((-t + DAY_MS - 1) / DAY_MS);
	int64_t rest = (t - day * DAY_MS) / 60000;
	char d[11];
	date_format_iso((int32_t)day, d, sizeof(d));
	snprintf(out, outsz, "%sT%02d:%02d", d, (int)(rest / 60), (int)(rest % 60));
}

int64_t acara_day_start_ms(int32_t day)
{
	return (int64_t)day * DAY_MS - WIB_MS;
}

/* Text of a form field: valid UTF-8, no control characters, at most max
 * bytes; "" when absent. Adds an error and returns -1 otherwise. */
static int text_field(const char *v, size_t max, const char *field, char *dst, size_t cap,
		      struct field_errors *fe)
{
	if (!v)
		v = "";
	while (*v == ' ')
		v++;
	size_t n = strlen(v);
	while (n && v[n - 1] == ' ')
		n--;
	if (n > max || n >= cap) {
		field_errors_add(fe, field, M_REG_TEXT_TOO_LONG);
		return -1;
	}
	if (!csv_utf8_valid(v, n)) {
		field_errors_add(fe, field, M_REG_TEXT_INVALID);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f) {
			field_errors_add(fe, field, M_REG_TEXT_INVALID);
			return -1;
		}
	memcpy(dst, v, n);
	dst[n] = '\0';
	return 0;
}

/* A fresh check-in code: 6 characters without look-alikes (0/O, 1/I/L). */
static void new_kode(char out[13])
{
	static const char abc[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 6; i++)
		out[i] = abc[randombytes_uniform(sizeof(abc) - 1)];
	out[6] = '\0';
}

/* Validate the fields that need no database into *a. */
static void validate(const struct acara_input *in, struct acara *a, struct field_errors *fe)
{
	const char *j = in->jenis ? in->jenis : "";
	if (strcmp(j, "apel") && strcmp(j, "sosialisasi"))
		field_errors_add(fe, "jenis", M_ACARA_JENIS);
	else
		snprintf(a->jenis, sizeof(a->jenis), "%s", j);
	if (!text_field(in->topik, 255, "topik", a->topik, sizeof(a->topik), fe) && !a->topik[0])
		field_errors_add(fe, "topik", M_ACARA_TOPIK_REQUIRED);
	int tm = acara_parse_time(in->mulai, &a->mulai_ms);
	int ts = acara_parse_time(in->selesai, &a->selesai_ms);
	if (tm)
		field_errors_add(fe, "mulai", M_ACARA_TIME_BAD);
	if (ts)
		field_errors_add(fe, "selesai", M_ACARA_TIME_BAD);
	if (!tm && !ts && a->selesai_ms <= a->mulai_ms)
		field_errors_add(fe, "selesai", M_ACARA_TIME_ORDER);
	else if (!tm && !ts && a->selesai_ms - a->mulai_ms > ACARA_MAX_DAYS * DAY_MS)
		field_errors_add(fe, "selesai", M_ACARA_TIME_LONG);
	int e1 = text_field(in->tempat, 255, "tempat", a->tempat, sizeof(a->tempat), fe);
	int e2 = text_field(in->tautan, 511, "tautan", a->tautan, sizeof(a->tautan), fe);
	if (!e2 && a->tautan[0] && strncmp(a->tautan, "https://", 8) && strncmp(a->tautan, "http://", 7))
		field_errors_add(fe, "tautan", M_ACARA_TAUTAN_BAD);
	if (!e1 && !e2 && !a->tempat[0] && !a->tautan[0])
		field_errors_add(fe, "tempat", M_ACARA_TEMPAT_REQUIRED);
	text_field(in->narasumber, 159, "narasumber", a->narasumber, sizeof(a->narasumber), fe);
}

/* The organiser, its unit and the target unit, in p's scope. */
static int resolve_places(struct store *s, const struct principal *p, const struct acara_input *in,
			  struct acara *a, struct instansi *inst, struct field_errors *fe)
{
	const char *k = in->instansi_kode ? in->instansi_kode : "";
	if (!*k) {
		field_errors_add(fe, "instansi_kode", M_REG_INSTANSI_REQUIRED);
		return 0;
	}
	int rc = strlen(k) < sizeof(inst->kode) ? store_instansi_get_by_kode(s, k, inst) : APP_ENOTFOUND;
	if (rc == APP_ENOTFOUND || (!rc && !principal_sees_path(p, inst->path))) {
		field_errors_add(fe, "instansi_kode", M_REG_INSTANSI_NOT_FOUND);
		return 0;
	}
	if (rc)
		return rc;
	a->instansi_id = inst->id;
	const char *codes[2] = { in->unit_kode, in->sasaran_unit_kode };
	const char *names[2] = { "unit_kode", "sasaran_unit_kode" };
	int64_t *ids[2] = { &a->unit_id, &a->sasaran_unit_id };
	for (int i = 0; i < 2; i++) {
		*ids[i] = 0;
		if (!codes[i] || !*codes[i])
			continue;
		struct unit_kerja u;
		rc = strlen(codes[i]) < sizeof(u.kode) ? store_unit_get_by_kode(s, inst->id, codes[i], &u)
						       : APP_ENOTFOUND;
		if (rc == APP_ENOTFOUND) {
			field_errors_add(fe, names[i], M_ACARA_UNIT_NOT_FOUND);
			continue;
		}
		if (rc)
			return rc;
		*ids[i] = u.id;
	}
	return 0;
}

static void diff_time(struct diff *d, const char *field, const struct acara *old, int64_t o,
		      int64_t n)
{
	char a[24], b[24];
	acara_format_time(o, a, sizeof(a));
	acara_format_time(n, b, sizeof(b));
	diff_str(d, field, old ? a : NULL, b);
}

static void diff_acara(struct diff *d, const struct acara *o, const struct acara *n)
{
	diff_str(d, "kode", o ? o->kode : NULL, n->kode);
	diff_str(d, "jenis", o ? o->jenis : NULL, n->jenis);
	diff_str(d, "topik", o ? o->topik : NULL, n->topik);
	diff_time(d, "mulai", o, o ? o->mulai_ms : 0, n->mulai_ms);
	diff_time(d, "selesai", o, o ? o->selesai_ms : 0, n->selesai_ms);
	diff_str(d, "tempat", o ? o->tempat : NULL, n->tempat);
	diff_str(d, "tautan", o ? o->tautan : NULL, n->tautan);
	diff_str(d, "narasumber", o ? o->narasumber : NULL, n->narasumber);
	if (!o || o->instansi_id != n->instansi_id)
		diff_int(d, "instansi_id", o ? o->instansi_id : 0, n->instansi_id);
	if (!o || o->unit_id != n->unit_id)
		diff_int(d, "unit_id", o ? o->unit_id : 0, n->unit_id);
	if (!o || o->sasaran_unit_id != n->sasaran_unit_id)
		diff_int(d, "sasaran_unit_id", o ? o->sasaran_unit_id : 0, n->sasaran_unit_id);
}

int acara_save(struct store *s, const struct principal *p, int64_t id,
	       const struct acara_input *in, struct acara *out, struct field_errors *fe)
{
	memset(fe, 0, sizeof(*fe));
	if (!acara_can_manage(p))
		return APP_EPERM;
	struct acara a, old;
	memset(&a, 0, sizeof(a));
	validate(in, &a, fe);
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	if (id) {
		rc = store_acara_get(s, id, &old);
		if (!rc && !principal_sees_path(p, old.instansi_path))
			rc = APP_ENOTFOUND;
	}
	struct instansi inst;
	if (!rc)
		rc = resolve_places(s, p, in, &a, &inst, fe);
	if (!rc && fe->n)
		rc = APP_EINVAL;
	if (!rc && id) {
		a.id = id;
		memcpy(a.kode, old.kode, sizeof(a.kode));
		a.created_ms = old.created_ms;
		struct diff d;
		diff_init(&d);
		diff_acara(&d, &old, &a);
		if (diff_count(&d)) {
			rc = store_acara_update(s, &a);
			if (!rc)
				rc = audit_append(s, p, "acara_update", "acara", old.kode, diff_json(&d));
		}
		diff_release(&d);
	} else if (!rc) {
		/* A clash of random codes is unlikely; look before inserting so a
		 * unique violation never poisons the transaction. */
		struct acara tmp;
		int tries = 0;
		do {
			new_kode(a.kode);
			rc = store_acara_get_by_kode(s, a.kode, &tmp);
		} while (rc == 0 && ++tries < 16);
		rc = rc == APP_ENOTFOUND ? 0 : (rc ? rc : APP_ECONFLICT);
		if (!rc)
			rc = store_acara_insert(s, &a);
		if (!rc) {
			struct diff d;
			diff_init(&d);
			diff_acara(&d, NULL, &a);
			diff_note(&d, "instansi", inst.kode);
			rc = audit_append(s, p, "acara_create", "acara", a.kode, diff_json(&d));
			diff_release(&d);
		}
	}
	if (!rc)
		rc = store_acara_get(s, id ? id : a.id, out);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int acara_get_in_tx(struct store *s, const struct principal *p, int64_t id, struct acara *out)
{
	int rc = store_acara_get(s, id, out);
	if (!rc && !principal_sees_path(p, out->instansi_path))
		rc = APP_ENOTFOUND;
	return rc;
}

int acara_get(struct store *s, const struct principal *p, int64_t id, struct acara *out)
{
	if (!acara_can_read(p))
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = acara_get_in_tx(s, p, id, out);
	store_tx_rollback(s);
	return rc;
}

int acara_list(struct store *s, const struct principal *p, int64_t before_mulai_ms, int limit,
	       int (*cb)(void *ctx, const struct acara *), void *ctx)
{
	if (!acara_can_read(p))
		return APP_EPERM;
	return store_acara_list(s, p->scope_path, before_mulai_ms, limit, cb, ctx);
}

int acara_peserta(struct store *s, const struct principal *p, const struct acara *a,
		  const char *after_nip, int limit,
		  int (*cb)(void *ctx, const struct acara_peserta *), void *ctx)
{
	if (!acara_can_read(p) || !principal_sees_path(p, a->instansi_path))
		return APP_EPERM;
	return store_acara_peserta_list(s, a, after_nip, limit, cb, ctx);
}

int acara_peserta_count(struct store *s, const struct principal *p, const struct acara *a,
			int64_t *sasaran, int64_t *hadir)
{
	if (!acara_can_read(p) || !principal_sees_path(p, a->instansi_path))
		return APP_EPERM;
	return store_acara_peserta_count(s, a, sasaran, hadir);
}
