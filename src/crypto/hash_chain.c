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

static void put_bytes(crypto_hash_sha256_state *st, const char *p, size_t n)
{
	char len[24];
	int k = snprintf(len, sizeof(len), "%zu:", n);
	crypto_hash_sha256_update(st, (const unsigned char *)len, (unsigned long long)k);
	crypto_hash_sha256_update(st, (const unsigned char *)p, n);
	crypto_hash_sha256_update(st, (const unsigned char *)",", 1);
}

static void put_text(crypto_hash_sha256_state *st, const char *s)
{
	if (!s)
		s = "";
	put_bytes(st, s, strlen(s));
}

static void put_int(crypto_hash_sha256_state *st, int64_t v)
{
	char num[24];
	int k = snprintf(num, sizeof(num), "%" PRId64, v);
	put_bytes(st, num, (size_t)k);
}

void hash_chain_record(const struct hash_chain_fields *f, char out[HASH_HEX_LEN + 1])
{
	static const char tag[] = "wasdal-audit-v1\n";
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_init();
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)tag, sizeof(tag) - 1);
	put_int(&st, f->seq);
	put_int(&st, f->ts_ms);
	put_int(&st, f->actor_id);
	put_text(&st, f->actor);
	put_text(&st, f->action);
	put_text(&st, f->object_type);
	put_text(&st, f->object_id);
	put_text(&st, f->diff);
	put_text(&st, f->prev_hash);
	crypto_hash_sha256_final(&st, digest);
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
