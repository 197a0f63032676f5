/* The allowlists shared by a page route and its API twin (see the header). */
#include "core/compat.h"
#include "http/shared_params.h"

/* Sizes match struct laporan_input. */
const struct route_param laporan_params[] = {
	{ "konteks", PARAM_FORM, v_line, 15 },
	LAPOR_TERLAPOR_FIELDS,
	{ "pelanggaran_kode", PARAM_FORM, v_line, 15 },
	{ "pelanggaran_lain", PARAM_FORM, v_line, 255 },
	{ "kejadian_tanggal", PARAM_FORM, v_line, 15 },
	{ "kejadian_tempat", PARAM_FORM, v_line, 255 },
	{ "wilayah", PARAM_FORM, v_line, 127 },
	{ "penetapan_calon", PARAM_FORM, v_line, 15 },
	{ "kronologi", PARAM_FORM, v_text, 8191 },
	{ "saksi", PARAM_FORM, v_text, 1023 },
	{ "tautan", PARAM_FORM, v_text, 2047 },
	{ "diketahui_tanggal", PARAM_FORM, v_line, 15 },
	{ "pelapor_mode", PARAM_FORM, v_line, 15 },
	{ "pelapor_nama", PARAM_FORM, v_line, 127 },
	{ "pelapor_nik", PARAM_FORM, v_line, 23 },
	{ "pelapor_alamat", PARAM_FORM, v_line, 255 },
	{ "pelapor_kontak", PARAM_FORM, v_line, 127 },
	{ "pelapor_jenis", PARAM_FORM, v_line, 15 },
	{ "bukti", PARAM_FILE | PARAM_MULTI, NULL, 0 },
	{ NULL },
};

const struct route_param kasus_pindah_params[] = {
	{ "ke", PARAM_FORM, v_line, 39 },
	{ "kekurangan", PARAM_FORM, v_text, 500 },
	{ "alasan", PARAM_FORM, v_text, 2000 },
	{ "hasil_kajian", PARAM_FORM, v_text, 2000 },
	{ "jenis_pelanggaran", PARAM_FORM, v_line, 15 },
	{ "tingkat_sanksi", PARAM_FORM, v_line, 8 },
	{ "nomor_rekomendasi", PARAM_FORM, v_line, 79 },
	{ "jenis_hukuman", PARAM_FORM, v_line, 23 },
	{ "nomor_sk", PARAM_FORM, v_line, 79 },
	{ "tanggal_sk", PARAM_FORM, v_line, 10 },
	{ "lampiran", PARAM_FILE | PARAM_MULTI, NULL, 0 },
	{ NULL },
};

const struct route_param statistik_params[] = {
	{ "konteks", PARAM_QUERY, v_token_or_empty, 8 },
	{ NULL },
};
