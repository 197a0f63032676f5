/* libFuzzer target: the API's request-body parser and allowlist checker
 * (src/api/json_util.c), which see every JSON body before a handler does.
 * The fuzz build leaves src/api/ out of its library (it needs the HTTP
 * layer), so the one file under test is included here (h2o's pattern). */
#include "core/compat.h"
#include "api/json_util.c"
#include "core/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct sample {
	char nip[19];
	char nama[32];
	char status[16];
	int64_t n;
	int flag;
};

static const char *const status_vals[] = { "aktif", "pensiun", "diberhentikan", NULL };

static int v_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return M_NIP_LENGTH;
	return 0;
}

static const struct json_field fields[] = {
	{ "nip", JF_STRING, JF_REQUIRED | JF_NONEMPTY, offsetof(struct sample, nip),
	  sizeof(((struct sample *)0)->nip), 0, 0, NULL, v_digits },
	{ "nama", JF_STRING, JF_NULLABLE, offsetof(struct sample, nama),
	  sizeof(((struct sample *)0)->nama), 0, 0, NULL, NULL },
	{ "status", JF_STRING, 0, offsetof(struct sample, status),
	  sizeof(((struct sample *)0)->status), 0, 0, status_vals, NULL },
	{ "n", JF_INT, 0, offsetof(struct sample, n), sizeof(int64_t), -5, 1000, NULL, NULL },
	{ "flag", JF_BOOL, JF_NULLABLE, offsetof(struct sample, flag), sizeof(int), 0, 0, NULL, NULL },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_error e;
	json_t *j = NULL;
	api_error_init(&e);
	int rc = json_body_parse((const char *)data, size, 16384, 16, &j, &e);
	/* The pre-scan is an upper bound on what jansson accepted. */
	if (rc == 0 && (!j || !json_is_object(j) || json_nesting_depth((const char *)data, size, 16) > 16))
		abort();
	if (rc != 0 && (j || e.code != rc))
		abort();
	if (rc == 0) {
		struct sample s;
		uint32_t present = 0;
		memset(&s, 0, sizeof(s));
		rc = json_body_check(j, fields, ARRAY_SIZE(fields), &s, &present, &e);
		if (rc == 0) {
			/* Accepted values respect their declared bounds. */
			if (!(present & 1) || !s.nip[0] || strlen(s.nip) >= sizeof(s.nip) ||
			    s.n < -5 || s.n > 1000 || (s.flag != 0 && s.flag != 1))
				abort();
		} else if (e.nfields == 0 && !e.truncated) {
			abort();
		}
		json_decref(j);
	}
	/* The error body is always valid JSON that jansson reads back. */
	struct buf out;
	buf_init(&out, 1 << 20);
	if (api_error_write(&out, &e) != 0)
		abort();
	json_error_t jerr;
	json_t *back = json_loadb(out.ptr, out.len, JSON_REJECT_DUPLICATES, &jerr);
	if (!back)
		abort();
	json_decref(back);
	buf_release(&out);
	return 0;
}
