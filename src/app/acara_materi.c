/* Material files of an event (slides, handouts): stored once by SHA-256,
 * linked to events, sent back only as attachments to users who may read
 * the event (never rendered inline: a file is whatever its bytes are). */
#include "core/compat.h"
#include "app/acara.h"
#include "app/acara_int.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/csv.h"
#include "core/err.h"
#include "crypto/token.h"

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcasecmp(s + n - m, suf);
}

/* The media type from the bytes first; the name only tells office
 * documents apart inside a ZIP container. */
static const char *sniff(const char *nama, const unsigned char *d, size_t n)
{
	if (n >= 5 && !memcmp(d, "%PDF-", 5))
		return "application/pdf";
	if (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8))
		return "image/png";
	if (n >= 3 && !memcmp(d, "\xff\xd8\xff", 3))
		return "image/jpeg";
	if (n >= 4 && !memcmp(d, "PK\x03\x04", 4)) {
		if (ends_with(nama, ".pptx"))
			return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
		if (ends_with(nama, ".docx"))
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		if (ends_with(nama, ".xlsx"))
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		return "application/zip";
	}
	if (memchr(d, 0, n) == NULL && csv_utf8_valid((const char *)d, n))
		return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

/* The last path segment of a client's file name, without control
 * characters, quotes or separators; "" when nothing is left. */
static void clean_name(const char *in, char *out, size_t cap)
{
	const char *b = in ? in : "";
	for (const char *c = b; *c; c++)
		if (*c == '/' || *c == '\\')
			b = c + 1;
	size_t n = 0;
	for (const char *c = b; *c && n + 1 < cap; c++) {
		unsigned char u = (unsigned char)*c;
		if (u < 0x20 || u == 0x7f || u == '"' || u == ';')
			continue;
		out[n++] = (char)u;
	}
	/* never cut a UTF-8 sequence in half */
	while (n && !csv_utf8_valid(out, n))
		n--;
	out[n] = '\0';
}

int acara_materi_add(struct store *s, const struct principal *p, int64_t acara_id,
		     const char *nama, const void *data, size_t len, struct acara_materi *out,
		     enum msg_id *why)
{
	*why = M_REG_NO_PERMISSION;
	if (!acara_can_manage(p))
		return APP_EPERM;
	memset(out, 0, sizeof(*out));
	if (len == 0) {
		*why = M_ACARA_MATERI_EMPTY;
		return APP_EINVAL;
	}
	if (len > ACARA_MATERI_MAX_BYTES) {
		*why = M_ACARA_MATERI_BIG;
		return APP_ETOOBIG;
	}
	clean_name(nama, out->nama, sizeof(out->nama));
	if (!out->nama[0] || out->nama[0] == '.') {
		*why = M_ACARA_MATERI_NAME;
		return APP_EINVAL;
	}
	snprintf(out->mime, sizeof(out->mime), "%s", sniff(out->nama, data, len));
	token_sha256_hex(data, len, out->sha256);
	out->acara_id = acara_id;
	struct acara a;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = acara_get_in_tx(s, p, acara_id, &a);
	int inserted = 0;
	if (!rc)
		rc = store_acara_materi_put(s, out, data, len, &inserted);
	if (!rc && inserted) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "materi", NULL, out->nama);
		diff_note(&d, "sha256", out->sha256);
		diff_int(&d, "ukuran", 0, (int64_t)len);
		rc = audit_append(s, p, "acara_materi", "acara", a.kode, diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

/* Officers who may read the event, and the asn employees it targets. */
static int can_see(struct store *s, const struct principal *p, int64_t acara_id)
{
	struct acara a;
	if (acara_can_read(p))
		return acara_get(s, p, acara_id, &a);
	if (!p || p->role != ROLE_ASN || strlen(p->nip) != 18)
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	struct pegawai e;
	rc = store_acara_get(s, acara_id, &a);
	if (!rc)
		rc = store_pegawai_get_by_nip(s, p->nip, &e);
	if (!rc && !acara_in_target(&a, &e))
		rc = APP_ENOTFOUND;
	store_tx_rollback(s);
	return rc;
}

int acara_materi_list(struct store *s, const struct principal *p, int64_t acara_id,
		      int (*cb)(void *ctx, const struct acara_materi *), void *ctx)
{
	int rc = can_see(s, p, acara_id);
	return rc ? rc : store_acara_materi_list(s, acara_id, cb, ctx);
}

int acara_materi_get(struct store *s, const struct principal *p, int64_t acara_id,
		     const char *sha256, struct acara_materi *meta, struct buf *out)
{
	if (!sha256 || strlen(sha256) != 64)
		return APP_ENOTFOUND;
	int rc = can_see(s, p, acara_id);
	return rc ? rc : store_acara_materi_get(s, acara_id, sha256, meta, out);
}
