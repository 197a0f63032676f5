/* libFuzzer target: one pegawai CSV row (the import column order of
 * docs/registry.md) through the field validation. Checks that a record it
 * accepts is normalised: an 18-digit NIP, reference values, terminated text. */
#include "core/compat.h"
#include "app/registry.h"
#include "app/reference.h"
#include "app/nip.h"
#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	csv_reader_init_mem(&r, (const char *)data, size);
	csv_reader_set_limits(&r, 512, 4096, 16);
	if (csv_read_row(&r) == CSV_ROW) {
		const char *f[11];
		for (size_t i = 0; i < 11; i++)
			f[i] = csv_field(&r, i, NULL);
		struct pegawai_input in = {
			.nip = f[0], .nama = f[1], .jenis_asn = f[2], .golongan = f[3],
			.jenis_jabatan = f[4], .jenjang = f[5], .jabatan = f[6],
			.instansi_kode = f[7], .unit_kode = f[8], .status = f[9], .unit_nama = f[10],
		};
		struct pegawai p;
		struct field_errors fe;
		memset(&p, 0, sizeof(p));
		memset(&fe, 0, sizeof(fe));
		int rc = registry_validate(&in, 202611, &p, &fe);
		if (rc == 0) {
			struct nip_info ni;
			if (fe.n || strlen(p.nip) != 18 || nip_parse(p.nip, 18, 202611, &ni))
				abort();
			if (!ref_golongan_find(p.jenis_asn, p.golongan) ||
			    !ref_jabatan_find(p.jenis_jabatan) || !ref_status_find(p.status))
				abort();
			if (strcmp(p.jenis_asn, ni.kind == NIP_PPPK ? "PPPK" : "PNS"))
				abort();
			if (!p.nama[0] || !p.jabatan[0] || !csv_utf8_valid(p.nama, strlen(p.nama)))
				abort();
		} else if (fe.n == 0) {
			abort();
		}
	}
	csv_reader_release(&r);
	return 0;
}
