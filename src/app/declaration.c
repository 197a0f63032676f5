#include "core/compat.h"
#include "app/declaration.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/msg.h"

static int kode_ok(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int digits_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* The exact bytes that are signed. */
static int signed_message(const struct declaration *d, struct buf *out)
{
	return buf_addf(out, "wasdal-deklarasi-v1\n%s\n%" PRId64 "\n%s\n%" PRId64 "\n%s",
			d->instansi_kode, d->campaign_id, d->nip, d->signed_at_ms, d->doc_sha256);
}

int declaration_sign(struct declaration *d, const uint8_t sk[SIGN_SECRET_BYTES],
		     char *payload, size_t payloadsz)
{
	if (!kode_ok(d->instansi_kode) || !digits_ok(d->nip, strlen(d->nip)) ||
	    strlen(d->doc_sha256) != 64 || d->campaign_id <= 0 || d->signed_at_ms <= 0)
		return APP_EINVAL;
	struct buf m;
	buf_init(&m, 4096);
	if (signed_message(d, &m)) {
		buf_release(&m);
		return APP_EINVAL;
	}
	sign_detached(d->sig, m.ptr, m.len, sk);
	buf_release(&m);
	char sig64[SIGN_BYTES * 2];
	b64url_encode(sig64, d->sig, SIGN_BYTES);
	int n = snprintf(payload, payloadsz, "WSD1.%s.%" PRId64 ".%s.%" PRId64 ".%s.%s",
			 d->instansi_kode, d->campaign_id, d->nip, d->signed_at_ms,
			 d->doc_sha256, sig64);
	return n > 0 && (size_t)n < payloadsz ? 0 : APP_ETOOBIG;
}

/* Split at most max fields on '.'; returns the count. */
static size_t split(const char *s, size_t n, const char **start, size_t *len, size_t max)
{
	size_t k = 0, from = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (k == max)
				return max + 1;
			start[k] = s + from;
			len[k++] = i - from;
			from = i + 1;
		}
	}
	return k;
}

static int parse_i64(const char *s, size_t n, int64_t *out)
{
	if (!digits_ok(s, n) || n > 18)
		return -1;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	*out = v;
	return 0;
}

int declaration_parse(const char *payload, size_t n, struct declaration *d)
{
	const char *f[7];
	size_t l[7];
	memset(d, 0, sizeof(*d));
	if (n > DECLARATION_PAYLOAD_MAX || split(payload, n, f, l, 7) != 7)
		return M_DECL_MALFORMED;
	if (l[0] != 4 || memcmp(f[0], "WSD1", 4))
		return M_DECL_MALFORMED;
	if (l[1] == 0 || l[1] >= sizeof(d->instansi_kode))
		return M_DECL_MALFORMED;
	memcpy(d->instansi_kode, f[1], l[1]);
	if (!kode_ok(d->instansi_kode))
		return M_DECL_MALFORMED;
	if (parse_i64(f[2], l[2], &d->campaign_id) || d->campaign_id <= 0)
		return M_DECL_MALFORMED;
	if (l[3] != 18 || !digits_ok(f[3], 18))
		return M_DECL_MALFORMED;
	memcpy(d->nip, f[3], 18);
	if (parse_i64(f[4], l[4], &d->signed_at_ms) || d->signed_at_ms <= 0)
		return M_DECL_MALFORMED;
	uint8_t h[32];
	if (hex_decode(h, sizeof(h), f[5], l[5]))
		return M_DECL_MALFORMED;
	hex_encode(d->doc_sha256, h, sizeof(h));
	if (b64url_decode(d->sig, sizeof(d->sig), f[6], l[6]) != SIGN_BYTES)
		return M_DECL_MALFORMED;
	return 0;
}

int declaration_verify(const struct declaration *d, const uint8_t pk[SIGN_PUBLIC_BYTES])
{
	struct buf m;
	buf_init(&m, 4096);
	int rc = signed_message(d, &m) ? APP_EINVAL
	       : sign_verify(d->sig, m.ptr, m.len, pk) ? APP_EAUTH : 0;
	buf_release(&m);
	return rc;
}
