/* Field names of a report (the same in the form, the multipart API and
 * the JSON API) mapped onto struct laporan_input. */
#include "core/compat.h"
#include "app/laporan.h"
#include "core/err.h"
#include <stddef.h>

#define F(name) { #name, offsetof(struct laporan_input, name), sizeof(((struct laporan_input *)0)->name) }

static const struct {
	const char *name;
	size_t off, size;
} fields[] = {
	F(konteks), F(terlapor_nama), F(terlapor_nip), F(terlapor_jabatan), F(terlapor_instansi),
	F(pelanggaran_kode), F(pelanggaran_lain), F(kejadian_tanggal), F(kejadian_tempat), F(wilayah),
	F(penetapan_calon), F(kronologi), F(saksi), F(tautan), F(diketahui_tanggal), F(pelapor_mode),
	F(pelapor_nama), F(pelapor_nik), F(pelapor_alamat), F(pelapor_kontak), F(pelapor_jenis),
};

size_t laporan_input_max(const char *name)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (!strcmp(fields[i].name, name))
			return fields[i].size - 1;
	return 0;
}

int laporan_input_set(struct laporan_input *in, const char *name, const char *value, size_t len)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(fields[i].name, name))
			continue;
		if (len >= fields[i].size || memchr(value, '\0', len))
			return APP_ETOOBIG;
		char *dst = (char *)in + fields[i].off;
		memcpy(dst, value, len);
		dst[len] = '\0';
		return 0;
	}
	return APP_ENOTFOUND;
}
