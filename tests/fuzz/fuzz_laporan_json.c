/* libFuzzer target: the JSON body of a citizen report (POST /api/v1/laporan
 * and the follow-up bodies) through api/laporan_json.c into struct
 * laporan_input, then the report checks of app/laporan.c. Public input
 * from anyone on the internet, so every byte pattern must end in a clean
 * error. The API files are included (the fuzz library leaves src/api out). */
#include "core/compat.h"
#include "api/json_util.c"
#include "api/laporan_json.c"
#include "app/laporan.h"
#include "core/date.h"
#include "core/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct laporan_input in;
	static const char *const extra[] = { "receipt", "isi", NULL };
	char receipt[64], isi[4096];
	char *outs[] = { receipt, isi };
	struct api_error e;
	api_error_init(&e);
	receipt[0] = isi[0] = '\0';
	int rc = laporan_json_read((const char *)data, size, &in, extra, outs, sizeof(receipt), &e);
	if (rc == 0) {
		struct laporan_errors err = { .n = 0 };
		(void)laporan_check(&in, date_to_days(2026, 11, 23), &err);
		if (err.n > LAPORAN_MAX_ERRORS)
			__builtin_trap();
	} else if (e.code == 0) {
		__builtin_trap(); /* a failure must say why */
	}
	struct buf b;
	buf_init(&b, 1 << 16);
	(void)api_error_write(&b, &e);
	buf_release(&b);
	return 0;
}
