#include "core/compat.h"
#include "app/cpns_result.h"
#include "app/cpns_publish.h"
#include "core/err.h"
#include "core/limits.h"
#include "crypto/token.h"
#include <sodium.h>

int cpns_result_valid_id(const char *s)
{
	if (!s || !*s || strlen(s) > 10 || *s == '0')
		return 0;
	uint64_t v = 0;
	for (const char *c = s; *c; c++) {
		if (*c < '0' || *c > '9')
			return 0;
		v = v * 10 + (uint64_t)(*c - '0');
	}
	return v <= UINT32_MAX;
}

int cpns_result_valid_nik(const char *s)
{
	if (!s)
		return 0;
	size_t i = 0;
	for (; s[i]; i++)
		if (s[i] < '0' || s[i] > '9' || i >= 16)
			return 0;
	return i == 16;
}

static int rate(struct store *s, const char *kind, const char *key, int64_t limit, int64_t now)
{
	char k[128];
	int64_t n = 0;
	snprintf(k, sizeof(k), "cpns:%s:%.100s", kind, key && *key ? key : "-");
	int rc = store_rate_hit(s, k, now, LIMIT_CPNS_LOOKUP_WINDOW_MS, &n);
	if (rc)
		return rc;
	return n > limit ? APP_EBUSY : 0;
}

int cpns_result_lookup(struct store *s, const char *client_key, const char *applicant_id,
		       const char *nik, int64_t now_ms, struct cpns_result *out)
{
	memset(out, 0, sizeof(*out));
	if (!cpns_result_valid_id(applicant_id) || !cpns_result_valid_nik(nik))
		return APP_EINVAL;
	int rc = rate(s, "c", client_key, LIMIT_CPNS_LOOKUP_PER_CLIENT, now_ms);
	if (!rc)
		rc = rate(s, "a", applicant_id, LIMIT_CPNS_LOOKUP_PER_APPLICANT, now_ms);
	if (rc)
		return rc;

	struct cpns_publication pub;
	rc = store_cpns_publication_latest(s, &pub);
	if (rc)
		return rc;
	int64_t aid = strtoll(applicant_id, NULL, 10);
	struct cpns_result_row row;
	int found = store_cpns_result_get(s, pub.id, aid, &row);
	if (found && found != APP_ENOTFOUND)
		return found;
	/* Hash and compare either way: an unknown id costs what a wrong NIK
	 * costs. */
	char want[SHA256_HEX];
	cpns_nik_hash(pub.nik_salt, nik, want);
	int same = token_equal(want, found ? "0000000000000000000000000000000000000000000000000000000000000000"
					   : row.nik_hash);
	sodium_memzero(want, sizeof(want));
	if (found || !same)
		return APP_ENOTFOUND;

	struct cpns_formation_cut cut;
	rc = store_cpns_formation_get(s, pub.id, row.formation_id, &cut);
	if (rc == APP_ENOTFOUND) {
		cut.quota = 0;
		cut.pl_count = 0;
		cut.cutoff_total = -1;
	} else if (rc) {
		return rc;
	}
	out->applicant_id = row.applicant_id;
	out->formation_id = row.formation_id;
	snprintf(out->status, sizeof(out->status), "%s", row.status);
	out->total = row.total;
	out->rank = row.rank;
	out->quota = cut.quota;
	out->pl_count = cut.pl_count;
	out->cutoff_total = cut.cutoff_total;
	snprintf(out->label, sizeof(out->label), "%s", pub.label);
	out->published_ms = pub.published_ms;
	snprintf(out->sha_formasi, sizeof(out->sha_formasi), "%s", pub.sha_formasi);
	snprintf(out->sha_peserta, sizeof(out->sha_peserta), "%s", pub.sha_peserta);
	snprintf(out->sha_results, sizeof(out->sha_results), "%s", pub.sha_results);
	return 0;
}
