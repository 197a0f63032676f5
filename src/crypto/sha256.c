#include "core/compat.h"
#include "crypto/sha256.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_X86_SHA 1
#else
#define HAVE_X86_SHA 0
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint32_t H0[8] = {
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

#if HAVE_X86_SHA
int sha256_has_hw(void)
{
	static int cached = -1;
	if (cached >= 0)
		return cached;
	unsigned a, b, c, d;
	int ok = 0;
	if (__get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29))) {
		/* SSSE3 (pshufb) and SSE4.1 (pblendw) are used too. */
		if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19)))
			ok = 1;
	}
	cached = ok;
	return ok;
}

/* The usual SHA-NI schedule: state kept as ABEF/CDGH, four rounds per
 * step, message words W[4j..4j+3] in a ring of four registers. */
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_hw(uint32_t state[8], const uint8_t *data, size_t nblocks)
{
	const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
	__m128i st1 = _mm_loadu_si128((const __m128i *)&state[4]);
	tmp = _mm_shuffle_epi32(tmp, 0xB1);          /* CDAB */
	st1 = _mm_shuffle_epi32(st1, 0x1B);          /* EFGH */
	__m128i st0 = _mm_alignr_epi8(tmp, st1, 8);  /* ABEF */
	st1 = _mm_blend_epi16(st1, tmp, 0xF0);       /* CDGH */

	while (nblocks--) {
		__m128i save0 = st0, save1 = st1, w[4], m;
		for (int j = 0; j < 16; j++) {
			if (j < 4) {
				w[j] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * j)), mask);
			} else {
				__m128i x = _mm_sha256msg1_epu32(w[j & 3], w[(j + 1) & 3]);
				x = _mm_add_epi32(x, _mm_alignr_epi8(w[(j + 3) & 3], w[(j + 2) & 3], 4));
				w[j & 3] = _mm_sha256msg2_epu32(x, w[(j + 3) & 3]);
			}
			m = _mm_add_epi32(w[j & 3], _mm_loadu_si128((const __m128i *)&K[4 * j]));
			st1 = _mm_sha256rnds2_epu32(st1, st0, m);
			m = _mm_shuffle_epi32(m, 0x0E);
			st0 = _mm_sha256rnds2_epu32(st0, st1, m);
		}
		st0 = _mm_add_epi32(st0, save0);
		st1 = _mm_add_epi32(st1, save1);
		data += 64;
	}

	tmp = _mm_shuffle_epi32(st0, 0x1B);          /* FEBA */
	st1 = _mm_shuffle_epi32(st1, 0xB1);          /* DCHG */
	st0 = _mm_blend_epi16(tmp, st1, 0xF0);       /* DCBA */
	st1 = _mm_alignr_epi8(st1, tmp, 8);          /* HGFE */
	_mm_storeu_si128((__m128i *)&state[0], st0);
	_mm_storeu_si128((__m128i *)&state[4], st1);
}
#else
int sha256_has_hw(void)
{
	return 0;
}

static void compress_hw(uint32_t state[8], const uint8_t *data, size_t nblocks)
{
	(void)state; (void)data; (void)nblocks;
	abort();
}
#endif

void sha256_init(struct sha256 *s, int force_portable)
{
	memset(s, 0, sizeof(*s));
	s->hw = !force_portable && sha256_has_hw();
	if (s->hw)
		memcpy(s->h, H0, sizeof(H0));
	else
		crypto_hash_sha256_init(&s->sodium);
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	const uint8_t *p = data;
	if (!s->hw) {
		crypto_hash_sha256_update(&s->sodium, p, n);
		return;
	}
	s->total += n;
	if (s->fill) {
		size_t take = 64 - s->fill < n ? 64 - s->fill : n;
		memcpy(s->block + s->fill, p, take);
		s->fill += take;
		p += take;
		n -= take;
		if (s->fill < 64)
			return;
		compress_hw(s->h, s->block, 1);
		s->fill = 0;
	}
	if (n >= 64) {
		compress_hw(s->h, p, n / 64);
		p += n & ~(size_t)63;
		n &= 63;
	}
	memcpy(s->block, p, n);
	s->fill = n;
}

void sha256_final(struct sha256 *s, uint8_t out[SHA256_BYTES])
{
	if (!s->hw) {
		crypto_hash_sha256_final(&s->sodium, out);
		return;
	}
	uint64_t bits = s->total * 8;
	s->block[s->fill++] = 0x80;
	if (s->fill > 56) {
		memset(s->block + s->fill, 0, 64 - s->fill);
		compress_hw(s->h, s->block, 1);
		s->fill = 0;
	}
	memset(s->block + s->fill, 0, 56 - s->fill);
	for (int i = 0; i < 8; i++)
		s->block[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
	compress_hw(s->h, s->block, 1);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (uint8_t)(s->h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(s->h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(s->h[i] >> 8);
		out[4 * i + 3] = (uint8_t)s->h[i];
	}
}

void sha256_buf(const void *data, size_t n, uint8_t out[SHA256_BYTES])
{
	struct sha256 s;
	sha256_init(&s, 0);
	sha256_update(&s, data, n);
	sha256_final(&s, out);
}

void sha256_hex(const uint8_t dig[SHA256_BYTES], char out[SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_BYTES; i++) {
		out[2 * i] = hex[dig[i] >> 4];
		out[2 * i + 1] = hex[dig[i] & 15];
	}
	out[64] = '\0';
}
