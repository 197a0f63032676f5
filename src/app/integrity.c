#include "core/compat.h"
#include "app/integrity.h"
#include "core/err.h"

int integrity_instansi_public(struct store *s, const char *kode, struct instansi *out)
{
	if (!kode || !*kode || strlen(kode) >= sizeof(out->kode))
		return APP_ENOTFOUND;
	return store_instansi_get_by_kode(s, kode, out);
}
