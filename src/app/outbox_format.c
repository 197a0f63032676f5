#include "core/compat.h"
#include "app/outbox_format.h"
#include "core/err.h"
#include "crypto/hmac.h"
#include "crypto/sha256.h"
#include "crypto/sign.h"
#include <sodium.h>
#include <time.h>

int mail_address_valid(const char *a)
{
	if (!a)
		return 0;
	size_t n = strlen(a);
	if (n < 3 || n > 254)
		return 0;
	const char *at = strchr(a, '@');
	if (!at || at == a || !at[1] || strchr(at + 1, '@'))
		return 0;
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("\"<>(),;:\\[]", *p))
			return 0;
	return 1;
}

static int needs_encoding(const char *v)
{
	if (strstr(v, "=?"))
		return 1;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < ' ' || *p >= 0x7f)
			return 1;
	return strlen(v) > 900;
}

/* Encoded words of at most 75 characters: "=?UTF-8?B?" + base64 of at most
 * 45 bytes (60 characters) + "?=", each cut on a character boundary
 * (RFC 2047 section 5: a word must hold whole characters). */
int mail_encode_header(struct buf *out, const char *v)
{
	if (!needs_encoding(v))
		return buf_adds(out, v);
	size_t n = strlen(v), i = 0;
	int rc = 0;
	while (i < n && !rc) {
		size_t take = n - i > 45 ? 45 : n - i;
		while (i + take < n && take > 0 && ((unsigned char)v[i + take] & 0xC0) == 0x80)
			take--;
		if (take == 0)
			take = 1; /* not UTF-8: never loop forever */
		char b64[64];
		sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)v + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		rc = buf_addf(out, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", b64);
		i += take;
	}
	return rc;
}

void mail_date(int64_t ms, char out[40])
{
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mo[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000", wd[tm.tm_wday], tm.tm_mday,
		 mo[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void mail_message_id(int64_t id, const char *dedup_key, const char *from, char out[160])
{
	uint8_t h[SHA256_BYTES];
	char hex[SHA256_HEX];
	sha256_buf(dedup_key, strlen(dedup_key), h);
	hex_encode(hex, h, sizeof(h));
	const char *at = from ? strchr(from, '@') : NULL;
	const char *domain = at && at[1] ? at + 1 : "wasdal.invalid";
	snprintf(out, 160, "wasdal.%lld.%.16s@%.100s", (long long)id, hex, domain);
}

/* Base64 of the body in lines of 76 characters (57 bytes each). */
static int add_base64_body(struct buf *out, const char *body)
{
	size_t n = strlen(body);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i += 57) {
		size_t take = n - i > 57 ? 57 : n - i;
		char line[80];
		sodium_bin2base64(line, sizeof(line), (const unsigned char *)body + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		rc = buf_addf(out, "%s\r\n", line);
	}
	return rc;
}

int mail_build(struct buf *out, const struct mail_header *h, const char *body)
{
	if (!mail_address_valid(h->from) || !mail_address_valid(h->to) || !h->subject ||
	    strpbrk(h->subject, "\r\n") || !h->message_id || strpbrk(h->message_id, "\r\n<> ") ||
	    (h->from_name && strpbrk(h->from_name, "\r\n")))
		return APP_EINVAL;
	char date[40];
	mail_date(h->date_ms, date);
	int rc = buf_adds(out, "From: ");
	if (!rc && h->from_name && *h->from_name) {
		/* a display name is always encoded: no quoting rules to get wrong */
		char b64[256];
		size_t len = strlen(h->from_name);
		if (len > 120)
			return APP_EINVAL;
		sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)h->from_name, len,
				  sodium_base64_VARIANT_ORIGINAL);
		rc = buf_addf(out, "=?UTF-8?B?%s?= ", b64);
	}
	if (!rc)
		rc = buf_addf(out, "<%s>\r\nTo: <%s>\r\nSubject: ", h->from, h->to);
	if (!rc)
		rc = mail_encode_header(out, h->subject);
	if (!rc)
		rc = buf_addf(out, "\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n"
			      "Content-Type: text/plain; charset=UTF-8\r\n"
			      "Content-Transfer-Encoding: base64\r\n"
			      "Auto-Submitted: auto-generated\r\n\r\n", date, h->message_id);
	if (!rc)
		rc = add_base64_body(out, body ? body : "");
	return rc;
}

void webhook_signature(const char *secret, int64_t timestamp, const char *body, size_t body_len,
		       char out[72])
{
	char prefix[32], hex[65];
	int n = snprintf(prefix, sizeof(prefix), "%lld.", (long long)timestamp);
	hmac_sha256_hex(secret, strlen(secret), prefix, (size_t)n, body, body_len, hex);
	snprintf(out, 72, "sha256=%s", hex);
}

int64_t outbox_backoff_ms(int attempts, int64_t base_ms, int64_t cap_ms, uint32_t rnd)
{
	if (attempts < 1)
		attempts = 1;
	int64_t d = base_ms;
	for (int i = 1; i < attempts && d < cap_ms; i++)
		d *= 2;
	if (d > cap_ms)
		d = cap_ms;
	int64_t half = d / 2;
	return half + (int64_t)(rnd % (uint64_t)(d - half + 1));
}

int outbox_event_matches(const char *events, const char *event)
{
	const char *p = events;
	size_t elen = strlen(event);
	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		while (n && *p == ' ') {
			p++;
			n--;
		}
		while (n && p[n - 1] == ' ')
			n--;
		if (n == 1 && *p == '*')
			return 1;
		if (n && p[n - 1] == '*') {
			if (elen >= n - 1 && !memcmp(p, event, n - 1))
				return 1;
		} else if (n == elen && !memcmp(p, event, n)) {
			return 1;
		}
		p = end ? end + 1 : NULL;
	}
	return 0;
}

int64_t outbox_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
