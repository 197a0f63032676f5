/* libFuzzer target: the NIP parser takes outside input (forms, CSV, CLI). */
#include "core/compat.h"
#include "app/nip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nip_info n;
	int rc = nip_parse((const char *)data, size, 202611, &n);
	if (rc == 0) {
		char disp[32];
		nip_format_display(&n, disp, sizeof(disp));
		/* A valid NIP always round-trips through its display form. */
		struct nip_info again;
		if (nip_parse(disp, strlen(disp), 202611, &again) != 0 ||
		    strcmp(again.digits, n.digits) != 0)
			abort();
	}
	return 0;
}
