/* Audit chain hashing: see hash_chain.h for the serialisation. Streaming
 * SHA-256 (libsodium), so a large diff is never copied. */
#include "core/compat.h"
#include "crypto/hash_chain.h"
#include "crypto/crypto.h"
#include <sodium.h>

const char hash_chain_genesis[HASH_HEX_LEN + 1] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static void to_hex(const unsigned char d[32], char out[HASH_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[HASH_HEX_LEN] = '\0';
}

/* The small fields of a record are gathered here and hashed in one update
 * (an update call per netstring piece was a visible part of a bulk
 * import); a large diff is still streamed, never copied. */
struct hasher {
	crypto_hash_sha256_state st;
	unsigned char buf[512];
	size_t n;
};

static void flush(struct hasher *h)
{
	crypto_hash_sha256_update(&h->st, h->buf, (unsigned long long)h->n);
	h->n = 0;
}

static void add(struct hasher *h, const void *p, size_t n)
{
	if (h->n + n > sizeof(h->buf)) {
		flush(h);
		if (n > sizeof(h->buf)) {
			crypto_hash_sha256_update(&h->st, p, (unsigned long long)n);
			return;
		}
	}
	memcpy(h->buf + h->n, p, n);
	h->n += n;
}

/* Decimal digits of v into out (at least 20 bytes); returns their count. */
static size_t decimal(char *out, uint64_t v)
{
	char tmp[20];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

static void put_bytes(struct hasher *h, const char *p, size_t n)
{
	char len[24];
	size_t k = decimal(len, n);
	len[k++] = ':';
	add(h, len, k);
	add(h, p, n);
	add(h, ",", 1);
}

static void put_text(struct hasher *h, const char *s)
{
	if (!s)
		s = "";
	put_bytes(h, s, strlen(s));
}

static void put_int(struct hasher *h, int64_t v)
{
	char num[24];
	size_t k = 0;
	uint64_t u = (uint64_t)v;
	if (v < 0) {
		num[k++] = '-';
		u = 0 - u;
	}
	k += decimal(num + k, u);
	put_bytes(h, num, k);
}

void hash_chain_record(const struct hash_chain_fields *f, char out[HASH_HEX_LEN + 1])
{
	static const char tag[] = "wasdal-audit-v1\n";
	struct hasher h;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_init();
	crypto_hash_sha256_init(&h.st);
	h.n = 0;
	add(&h, tag, sizeof(tag) - 1);
	put_int(&h, f->seq);
	put_int(&h, f->ts_ms);
	put_int(&h, f->actor_id);
	put_text(&h, f->actor);
	put_text(&h, f->action);
	put_text(&h, f->object_type);
	put_text(&h, f->object_id);
	put_text(&h, f->diff);
	put_text(&h, f->prev_hash);
	flush(&h);
	crypto_hash_sha256_final(&h.st, digest);
	to_hex(digest, out);
}

void hash_sha256_hex(const void *p, size_t n, char out[HASH_HEX_LEN + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_init();
	crypto_hash_sha256(digest, p, n);
	to_hex(digest, out);
}

int hash_is_hex(const char *s)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == HASH_HEX_LEN;
}
