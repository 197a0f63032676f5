/* libFuzzer target: the verification and activation codes are typed by
 * anyone (public /verifikasi/:kode, /aktivasi). A code that normalises is
 * made of the alphabet only, has the asked length, and normalises again to
 * itself, also from its display form. */
#include "core/compat.h"
#include "app/kampanye_code.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[256];
	if (size >= sizeof(in))
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	static const size_t lens[] = { KODE_VERIFIKASI_LEN, KODE_AKTIVASI_LEN };
	for (size_t k = 0; k < 2; k++) {
		char out[KODE_AKTIVASI_LEN + 1], again[KODE_AKTIVASI_LEN + 1], shown[16];
		if (kode_normalise(in, lens[k], out))
			continue;
		if (strlen(out) != lens[k] || strspn(out, kode_alphabet) != lens[k])
			abort();
		kode_format(out, shown, sizeof(shown));
		if (kode_normalise(shown, lens[k], again) || strcmp(again, out))
			abort();
	}
	return 0;
}
