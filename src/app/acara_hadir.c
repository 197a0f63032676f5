/* Attendance: an officer's ticks, a CSV of NIPs (all or nothing, or
 * partial), and the attendee's own check-in with the event's short code.
 * Every path ends in store_acara_hadir_put, which keeps the first record:
 * recording twice is idempotent and audits nothing the second time. */
#include "core/compat.h"
#include "app/acara.h"
#include "app/acara_int.h"
#include "app/audit.h"
#include "app/diff.h"
#include "app/nip.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/limits.h"
#include <ctype.h>
#include <time.h>

#define HADIR_MAX_ROWS 200000

struct hrun {
	struct store *s;
	const struct principal *p;
	const struct import_opts *o;
	struct acara a;
	const char *cara;
	struct acara_hadir_stats *st;
	struct buf nips;           /* the newly recorded NIPs, for the audit record */
	int stop;
};

static void report(struct hrun *r, int64_t line, const char *column, enum msg_id m, const char *value)
{
	if (!r->o || !r->o->on_error || r->stop)
		return;
	struct import_error e = { line, column ? column : "", m, value ? value : "" };
	if (r->o->on_error(r->o->error_ctx, &e))
		r->stop = 1;
}

static int this_month(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

int acara_in_target(const struct acara *a, const struct pegawai *e)
{
	return e->instansi_id == a->instansi_id && !strcmp(e->status, "aktif") &&
	       (!a->sasaran_unit_id || e->unit_id == a->sasaran_unit_id);
}

/* One NIP: 0 done (or a reported bad row), else a store error. */
static int record(struct hrun *r, int64_t line, const char *raw)
{
	struct nip_info ni;
	struct pegawai e;
	r->st->rows++;
	int m = nip_parse(raw, strlen(raw), this_month(), &ni);
	if (m) {
		r->st->bad++;
		report(r, line, "nip", (enum msg_id)m, raw);
		return 0;
	}
	int rc = store_pegawai_get_by_nip(r->s, ni.digits, &e);
	if (rc == APP_ENOTFOUND || (!rc && !principal_sees_path(r->p, e.instansi_path))) {
		r->st->bad++;
		report(r, line, "nip", M_ACARA_NIP_UNKNOWN, raw);
		return 0;
	}
	if (rc)
		return rc;
	if (!acara_in_target(&r->a, &e)) {
		r->st->bad++;
		report(r, line, "nip", M_ACARA_NIP_OUTSIDE, raw);
		return 0;
	}
	r->st->ok++;
	/* All or nothing: once a row is bad nothing will be kept, so stop
	 * writing and only validate the rest for the report. */
	if (!r->o->partial && r->st->bad)
		return 0;
	int inserted = 0;
	rc = store_acara_hadir_put(r->s, r->a.id, e.id, r->cara, 0, &inserted);
	if (rc)
		return rc;
	if (inserted) {
		r->st->baru++;
		if ((r->nips.len && buf_addc(&r->nips, ',')) || buf_adds(&r->nips, e.nip))
			return APP_ENOMEM;
	} else {
		r->st->sudah++;
	}
	return 0;
}

static int begin(struct hrun *r, struct store *s, const struct principal *p, int64_t acara_id,
		 const char *cara, const struct import_opts *opts, struct acara_hadir_stats *st)
{
	static const struct import_opts none;
	memset(r, 0, sizeof(*r));
	memset(st, 0, sizeof(*st));
	r->s = s;
	r->p = p;
	r->o = opts ? opts : &none;
	r->cara = cara;
	r->st = st;
	buf_init(&r->nips, BUF_NOLIMIT);
	if (!acara_can_manage(p))
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = acara_get_in_tx(s, p, acara_id, &r->a);
	if (rc)
		store_tx_rollback(s);
	return rc;
}

/* Commit or roll back; returns the result for the caller. */
static int finish(struct hrun *r, int rc)
{
	if (!rc && !r->o->partial && r->st->bad)
		rc = APP_EINVAL;
	if (!rc && r->st->baru) {
		struct diff d;
		diff_init(&d);
		diff_note(&d, "cara", r->cara);
		diff_int(&d, "baru", 0, r->st->baru);
		diff_note(&d, "nip", r->nips.ptr);
		rc = audit_append(r->s, r->p, "acara_hadir", "acara", r->a.kode, diff_json(&d));
		diff_release(&d);
	}
	buf_release(&r->nips);
	if (rc) {
		store_tx_rollback(r->s);
		r->st->baru = r->st->sudah = 0;
		return rc;
	}
	rc = store_tx_commit(r->s);
	if (!rc)
		r->st->committed = 1;
	return rc;
}

int acara_hadir_nips(struct store *s, const struct principal *p, int64_t acara_id,
		     const char *const *nips, size_t n, const struct import_opts *opts,
		     struct acara_hadir_stats *st)
{
	struct hrun r;
	int rc = begin(&r, s, p, acara_id, "centang", opts, st);
	if (rc) {
		buf_release(&r.nips);
		return rc;
	}
	if (n > HADIR_MAX_ROWS)
		rc = APP_ETOOBIG;
	for (size_t i = 0; !rc && i < n; i++)
		rc = record(&r, (int64_t)i + 1, nips[i] ? nips[i] : "");
	return finish(&r, rc);
}

static int header_nip_column(const struct csv_reader *cr, size_t *col)
{
	for (size_t i = 0; i < csv_nfields(cr); i++) {
		const char *f = csv_field(cr, i, NULL);
		while (*f == ' ')
			f++;
		if (!strncasecmp(f, "nip", 3) && (f[3] == '\0' || f[3] == ' ')) {
			*col = i;
			return 0;
		}
	}
	return -1;
}

int acara_hadir_import_csv(struct store *s, const struct principal *p, int64_t acara_id, FILE *in,
			   const struct import_opts *opts, struct acara_hadir_stats *st)
{
	struct hrun r;
	int rc = begin(&r, s, p, acara_id, "impor", opts, st);
	if (rc) {
		buf_release(&r.nips);
		return rc;
	}
	struct csv_reader cr;
	csv_reader_init_file(&cr, in);
	size_t col = 0;
	int got = csv_read_row(&cr);
	if (got == CSV_EOF) {
		report(&r, 1, "", M_IMP_EMPTY, "");
		st->bad++;
	} else if (got < 0) {
		report(&r, cr.err_line, "", (enum msg_id)cr.err_msg, "");
		st->bad++;
	} else if (header_nip_column(&cr, &col)) {
		report(&r, cr.row_line, "nip", M_ACARA_NIP_COLUMN, "");
		st->bad++;
	} else {
		while (!rc && !r.stop && (got = csv_read_row(&cr)) != CSV_EOF) {
			if (got == CSV_FATAL || got == CSV_BAD_ROW) {
				st->rows++;
				st->bad++;
				report(&r, cr.err_line, "", (enum msg_id)cr.err_msg, "");
				if (got == CSV_FATAL)
					break;
				continue;
			}
			if (st->rows >= HADIR_MAX_ROWS) {
				report(&r, cr.row_line, "", M_IMP_TOO_MANY_ROWS, "");
				st->bad++;
				break;
			}
			const char *v = col < csv_nfields(&cr) ? csv_field(&cr, col, NULL) : "";
			while (*v == ' ')
				v++;
			char nip[64];
			snprintf(nip, sizeof(nip), "%s", v);
			/* a long cell is cut before a character, never inside one:
			 * the report quotes it in JSON and HTML */
			size_t len = strlen(nip);
			while (len && ((unsigned char)v[len] & 0xC0) == 0x80)
				len--;
			nip[len] = '\0';
			for (size_t k = strlen(nip); k && nip[k - 1] == ' '; k--)
				nip[k - 1] = '\0';
			rc = record(&r, cr.row_line, nip);
		}
	}
	csv_reader_release(&cr);
	/* A file without its header is bad even with partial. */
	if (!rc && st->bad && st->rows == 0)
		rc = APP_EINVAL;
	return finish(&r, rc);
}

int acara_checkin(struct store *s, const struct principal *p, const char *kode, int64_t now_ms,
		  struct acara *out, int *inserted, enum msg_id *why)
{
	*inserted = 0;
	*why = M_REG_NO_PERMISSION;
	if (!p || p->role != ROLE_ASN || strlen(p->nip) != 18) {
		*why = M_ACARA_ASN_ONLY;
		return APP_EPERM;
	}
	char key[64], k[13];
	snprintf(key, sizeof(key), "acara-kode:%lld", (long long)p->user_id);
	int64_t hits = 0;
	int rc = store_rate_hit(s, key, now_ms, ACARA_CHECKIN_WINDOW_MS, &hits);
	if (rc)
		return rc;
	if (hits > ACARA_CHECKIN_PER_WINDOW) {
		*why = M_ACARA_TOO_MANY;
		return APP_EBUSY;
	}
	/* The code as typed: spaces and case do not matter. */
	size_t n = 0;
	for (const char *c = kode ? kode : ""; *c; c++) {
		if (*c == ' ' || *c == '-')
			continue;
		if (n + 1 >= sizeof(k) || !isalnum((unsigned char)*c)) {
			*why = M_ACARA_KODE_UNKNOWN;
			return APP_ENOTFOUND;
		}
		k[n++] = (char)toupper((unsigned char)*c);
	}
	k[n] = '\0';
	if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
		return rc;
	rc = store_acara_get_by_kode(s, k, out);
	if (rc == APP_ENOTFOUND)
		*why = M_ACARA_KODE_UNKNOWN;
	if (!rc && (now_ms < out->mulai_ms || now_ms >= out->selesai_ms)) {
		*why = now_ms < out->mulai_ms ? M_ACARA_BELUM_MULAI : M_ACARA_SUDAH_SELESAI;
		rc = APP_EINVAL;
	}
	struct pegawai e;
	if (!rc) {
		rc = store_pegawai_get_by_nip(s, p->nip, &e);
		if (rc == APP_ENOTFOUND || (!rc && !acara_in_target(out, &e))) {
			*why = M_ACARA_BUKAN_SASARAN;
			rc = APP_EPERM;
		}
	}
	if (!rc)
		rc = store_acara_hadir_put(s, out->id, e.id, "kode", now_ms, inserted);
	if (!rc && *inserted) {
		struct diff d;
		diff_init(&d);
		diff_note(&d, "cara", "kode");
		diff_note(&d, "nip", e.nip);
		rc = audit_append(s, p, "acara_hadir", "acara", out->kode, diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}
