/* libFuzzer target: the declaration payload parser reads QR contents and
 * /verifikasi input from anyone. A parsed payload must re-serialise to the
 * same fields. */
#include "core/compat.h"
#include "app/declaration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct declaration d;
	if (declaration_parse((const char *)data, size, &d) != 0)
		return 0;
	if (strlen(d.nip) != 18 || strlen(d.doc_sha256) != 64 || d.campaign_id <= 0)
		abort();
	return 0;
}
