/* The page routes: method, pattern, handler, flags and the allowlist of
 * parameters each accepts (anything else is a 400 before the handler). */
#include "core/compat.h"
#include "http/http.h"
#include "http/shared_params.h"
#include "web/page.h"
#include "core/limits.h"

static const struct route_param p_login_get[] = {
	{ "keluar", PARAM_QUERY, v_bool, 1 },
	{ NULL },
};
static const struct route_param p_login_post[] = {
	{ "username", PARAM_FORM, v_line, 128 },
	{ "password", PARAM_FORM, v_any, 1024 },
	{ NULL },
};
#define FILTER_PARAMS \
	{ "q", PARAM_QUERY, v_line, 128 }, \
	{ "instansi", PARAM_QUERY, v_uint_or_empty, 19 }, \
	{ "unit", PARAM_QUERY, v_uint_or_empty, 19 }, \
	{ "golongan", PARAM_QUERY, v_line, 8 }, \
	{ "jenis_jabatan", PARAM_QUERY, v_line, 24 }, \
	{ "status", PARAM_QUERY, v_line, 16 }
static const struct route_param p_list[] = {
	FILTER_PARAMS,
	{ "after", PARAM_QUERY, v_nip, 18 },
	{ NULL },
};
static const struct route_param p_export[] = {
	FILTER_PARAMS,
	{ NULL },
};
static const struct route_param p_edit[] = {
	{ "disimpan", PARAM_QUERY, v_bool, 1 },
	{ "nama", PARAM_FORM, v_line, 128 },
	{ "jenis_asn", PARAM_FORM, v_line, 8 },
	{ "golongan", PARAM_FORM, v_line, 8 },
	{ "jenis_jabatan", PARAM_FORM, v_line, 24 },
	{ "jenjang", PARAM_FORM, v_line, 24 },
	{ "jabatan", PARAM_FORM, v_line, 160 },
	{ "instansi_kode", PARAM_FORM, v_line, 32 },
	{ "unit_kode", PARAM_FORM, v_line, 32 },
	{ "status", PARAM_FORM, v_line, 16 },
	{ NULL },
};
static const struct route_param p_import[] = {
	{ "berkas", PARAM_FILE, NULL, 0 },
	{ "partial", PARAM_FORM, v_bool, 2 },
	{ NULL },
};
static const struct route_param p_audit[] = {
	{ "sebelum", PARAM_QUERY, v_uint_or_empty, 19 },
	{ "verifikasi", PARAM_QUERY, v_bool, 1 },
	{ NULL },
};

static const struct route_param p_cpns_hasil[] = {
	{ "applicant_id", PARAM_FORM, v_line, 32 },
	{ "nik", PARAM_FORM, v_line, 32 },
	{ NULL },
};
static const struct route_param p_layar[] = {
	{ "instansi", PARAM_QUERY, v_token_or_empty, 31 },
	{ "judul", PARAM_QUERY, v_line, 160 },
	{ "nilai", PARAM_QUERY, v_uint_or_empty, 2 },
	{ "putar", PARAM_QUERY, v_bool, 2 },
	{ NULL },
};
static const struct route_param p_naskah[] = {
	{ "instansi", PARAM_QUERY, v_token_or_empty, 31 },
	{ NULL },
};

static const struct route_param p_kampanye_new[] = {
	{ "templat", PARAM_FORM, v_uint_or_empty, 19 },
	{ "nama", PARAM_FORM, v_line, 159 },
	{ "periode", PARAM_FORM, v_line, 63 },
	{ "tenggat", PARAM_FORM, v_line, 10 },
	{ "cakupan", PARAM_FORM, v_token_or_empty, 12 },
	{ "unit", PARAM_FORM | PARAM_MULTI, v_line, 32 },
	{ "nips", PARAM_FORM, v_text, 2 * 1024 * 1024 },
	{ "berkas_nip", PARAM_FILE, NULL, 0 },
	{ NULL },
};
static const struct route_param p_kampanye_detail[] = {
	{ "dibuka", PARAM_QUERY, v_bool, 1 },
	{ "ditandatangani", PARAM_QUERY, v_bool, 1 },
	{ NULL },
};
static const struct route_param p_kampanye_sign[] = {
	{ "setuju", PARAM_FORM, v_bool, 2 },
	{ NULL },
};
static const struct route_param p_templat[] = {
	{ "disimpan", PARAM_QUERY, v_bool, 1 },
	{ "aksi", PARAM_FORM, v_token_or_empty, 8 },
	{ "kode", PARAM_FORM, v_line, 47 },
	{ "jenis", PARAM_FORM, v_token_or_empty, 24 },
	{ "judul", PARAM_FORM, v_line, 159 },
	{ "teks", PARAM_FORM, v_text, 16000 },
	{ NULL },
};
static const struct route_param p_aktivasi[] = {
	{ "nip", PARAM_FORM, v_line, 32 },
	{ "kode", PARAM_FORM, v_line, 32 },
	{ "password", PARAM_FORM, v_any, 1024 },
	{ "password2", PARAM_FORM, v_any, 1024 },
	{ NULL },
};
static const struct route_param p_aktivasi_issue[] = {
	{ "kampanye", PARAM_QUERY | PARAM_FORM, v_uint_or_empty, 19 },
	{ "unit", PARAM_FORM, v_line, 32 },
	{ "nip", PARAM_FORM, v_line, 32 },
	{ "hari", PARAM_FORM, v_uint_or_empty, 4 },
	{ "format", PARAM_FORM, v_token_or_empty, 8 },
	{ NULL },
};
static const struct route_param p_verifikasi[] = {
	{ "kode", PARAM_QUERY, v_line, 32 },
	{ NULL },
};
static const struct route_param p_acara_list[] = {
	{ "sebelum", PARAM_QUERY, v_uint_or_empty, 19 },
	{ NULL },
};
static const struct route_param p_acara_form[] = {
	{ "jenis", PARAM_FORM, v_line, 16 },
	{ "topik", PARAM_FORM, v_line, 255 },
	{ "mulai", PARAM_FORM, v_line, 20 },
	{ "selesai", PARAM_FORM, v_line, 20 },
	{ "tempat", PARAM_FORM, v_line, 255 },
	{ "tautan", PARAM_FORM, v_line, 511 },
	{ "narasumber", PARAM_FORM, v_line, 159 },
	{ "instansi_kode", PARAM_FORM, v_line, 32 },
	{ "unit_kode", PARAM_FORM, v_line, 32 },
	{ "sasaran_unit_kode", PARAM_FORM, v_line, 32 },
	{ NULL },
};
static const struct route_param p_acara_detail[] = {
	{ "disimpan", PARAM_QUERY, v_bool, 1 },
	{ "materi", PARAM_QUERY, v_bool, 1 },
	{ NULL },
};
static const struct route_param p_acara_peserta[] = {
	{ "after", PARAM_QUERY | PARAM_FORM, v_nip, 18 },
	{ "dicatat", PARAM_QUERY, v_uint_or_empty, 19 },
	{ "nip", PARAM_FORM | PARAM_MULTI, v_line, 32 },
	{ NULL },
};
static const struct route_param p_acara_materi[] = {
	{ "berkas", PARAM_FILE, NULL, 0 },
	{ NULL },
};
static const struct route_param p_hadir[] = {
	{ "kode", PARAM_FORM, v_line, 32 },
	{ NULL },
};
static const struct route_param p_cakupan[] = {
	{ "instansi", PARAM_QUERY, v_token_or_empty, 31 },
	{ "dari", PARAM_QUERY, v_line, 10 },
	{ "sampai", PARAM_QUERY, v_line, 10 },
	{ NULL },
};
static const struct route_param p_dasbor[] = {
	{ "wilayah", PARAM_QUERY, v_uint_or_empty, 19 },
	{ "konteks", PARAM_QUERY, v_token_or_empty, 8 },
	{ "dari", PARAM_QUERY, v_line, 10 },
	{ "sampai", PARAM_QUERY, v_line, 10 },
	{ NULL },
};

static const struct route_param p_lapor_pantau[] = {
	{ "receipt", PARAM_FORM, v_line, 63 },
	{ "aksi", PARAM_FORM, v_line, 16 },
	{ "isi", PARAM_FORM, v_text, 4095 },
	{ "tautan", PARAM_FORM, v_text, 2047 },
	{ "bukti", PARAM_FILE | PARAM_MULTI, NULL, 0 },
	LAPOR_TERLAPOR_FIELDS,
	{ NULL },
};
static const struct route_param p_kasus_list[] = {
	{ "antrian", PARAM_QUERY, v_line, 16 },
	{ "tag", PARAM_QUERY, v_line, 40 },
	{ "sesudah", PARAM_QUERY, v_line, 47 }, /* KASUS_KURSOR_TEKS - 1; the queue page's */
	{ NULL },
};
static const struct route_param p_kasus_detail[] = {
	{ "disimpan", PARAM_QUERY, v_bool, 1 },
	{ NULL },
};
static const struct route_param p_kasus_alasan[] = {
	{ "alasan", PARAM_FORM, v_text, 2000 },
	{ NULL },
};
static const struct route_param p_kasus_tag[] = {
	{ "tag", PARAM_FORM, v_line, 40 },
	{ "hapus", PARAM_FORM, v_bool, 1 },
	{ NULL },
};
static const struct route_param p_kasus_petugas[] = {
	{ "petugas", PARAM_FORM, v_line, 64 },
	{ NULL },
};
static const struct route_param p_kasus_catatan[] = {
	{ "teks", PARAM_FORM, v_text, 4000 },
	{ NULL },
};

static const struct route_param p_kasus_pesan[] = {
	{ "isi", PARAM_FORM, v_text, 4095 },
	{ NULL },
};

static const struct route_param p_lapor_identitas[] = {
	{ "nomor", PARAM_FORM, v_line, 23 },
	{ "alasan", PARAM_FORM, v_line, 511 },
	{ "passphrase", PARAM_FORM, v_any, 1024 },
	{ NULL },
};

static const struct route_param p_alur_get[] = {
	{ "disimpan", PARAM_QUERY, v_bool, 1 },
	{ NULL },
};
static const struct route_param p_alur_ekspor[] = {
	{ "versi", PARAM_QUERY, v_uint_or_empty, 9 },
	{ "berkas", PARAM_QUERY, v_line, 16 },
	{ NULL },
};
static const struct route_param p_alur_post[] = {
	{ "tahapan", PARAM_FILE, NULL, 0 },
	{ "transisi", PARAM_FILE, NULL, 0 },
	{ "catatan", PARAM_FORM, v_line, 199 },
	{ NULL },
};

#define AUTH ROUTE_AUTH_REQUIRED
/* Public report pages: never logged with an address; multipart for files,
 * urlencoded accepted too; CSRF (no session: same-origin check). */
#define LAPOR (ROUTE_PUBLIC | ROUTE_NO_IP_LOG)
#define LAPOR_POST (LAPOR | ROUTE_MULTIPART | ROUTE_FORM | ROUTE_CSRF_CHECK)
#define POSTFORM (ROUTE_FORM | ROUTE_CSRF_CHECK)

const struct route web_routes[] = {
	{ HTTP_GET, "/", page_home, AUTH, NULL, 0 },
	{ HTTP_GET, "/login", page_login_get, ROUTE_PUBLIC, p_login_get, 0 },
	{ HTTP_POST, "/login", page_login_post, ROUTE_PUBLIC | POSTFORM, p_login_post, 0 },
	{ HTTP_POST, "/logout", page_logout_post, AUTH | POSTFORM, NULL, 0 },
	{ HTTP_GET, "/pegawai", page_pegawai_list, AUTH, p_list, 0 },
	{ HTTP_GET, "/pegawai/ekspor.csv", page_pegawai_export, AUTH, p_export, 0 },
	{ HTTP_GET, "/pegawai/ekspor.xlsx", page_pegawai_export, AUTH, p_export, 0 },
	{ HTTP_GET, "/pegawai/:nip", page_pegawai_detail, AUTH, NULL, 0 },
	{ HTTP_GET, "/pegawai/:nip/ubah", page_pegawai_edit_get, AUTH, p_edit, 0 },
	{ HTTP_POST, "/pegawai/:nip/ubah", page_pegawai_edit_post, AUTH | POSTFORM, p_edit, 0 },
	{ HTTP_GET, "/impor", page_import_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/impor", page_import_post, AUTH | ROUTE_MULTIPART | ROUTE_CSRF_CHECK, p_import, 0 },
	{ HTTP_GET, "/audit", page_audit, AUTH, p_audit, 0 },
	{ HTTP_GET, "/cpns/hasil", page_cpns_hasil_get, ROUTE_PUBLIC | ROUTE_NO_IP_LOG, NULL, 0 },
	{ HTTP_POST, "/cpns/hasil", page_cpns_hasil_post, ROUTE_PUBLIC | ROUTE_NO_IP_LOG | POSTFORM, p_cpns_hasil, 4096 },
	{ HTTP_GET, "/berakhlak/layar", page_berakhlak_layar, ROUTE_PUBLIC, p_layar, 0 },
	{ HTTP_GET, "/berakhlak/naskah-apel", page_berakhlak_naskah, ROUTE_PUBLIC, p_naskah, 0 },
	{ HTTP_GET, "/instansi/:kode/kunci", page_instansi_kunci, ROUTE_PUBLIC, NULL, 0 },
	{ HTTP_GET, "/kampanye", page_kampanye_list, AUTH, NULL, 0 },
	{ HTTP_GET, "/kampanye/baru", page_kampanye_new_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/kampanye/baru", page_kampanye_new_post, AUTH | ROUTE_FORM | ROUTE_MULTIPART | ROUTE_CSRF_CHECK, p_kampanye_new, 0 },
	{ HTTP_GET, "/kampanye/templat", page_templat_list, AUTH, NULL, 0 },
	{ HTTP_POST, "/kampanye/templat", page_templat_create, AUTH | POSTFORM, p_templat, 0 },
	{ HTTP_GET, "/kampanye/templat/:id", page_templat_detail, AUTH, p_templat, 0 },
	{ HTTP_POST, "/kampanye/templat/:id", page_templat_post, AUTH | POSTFORM, p_templat, 0 },
	{ HTTP_GET, "/kampanye/:id", page_kampanye_detail, AUTH, p_kampanye_detail, 0 },
	{ HTTP_POST, "/kampanye/:id/tandatangani", page_kampanye_sign, AUTH | POSTFORM, p_kampanye_sign, 0 },
	{ HTTP_GET, "/kampanye/:id/belum.csv", page_kampanye_export, AUTH, NULL, 0 },
	{ HTTP_GET, "/kampanye/:id/belum.xlsx", page_kampanye_export, AUTH, NULL, 0 },
	{ HTTP_GET, "/aktivasi", page_aktivasi_get, ROUTE_PUBLIC, NULL, 0 },
	{ HTTP_POST, "/aktivasi", page_aktivasi_post, ROUTE_PUBLIC | POSTFORM, p_aktivasi, 0 },
	{ HTTP_GET, "/aktivasi/terbitkan", page_aktivasi_issue_get, AUTH, p_aktivasi_issue, 0 },
	{ HTTP_POST, "/aktivasi/terbitkan", page_aktivasi_issue_post, AUTH | POSTFORM, p_aktivasi_issue, 0 },
	{ HTTP_GET, "/verifikasi", page_verifikasi_form, ROUTE_PUBLIC, p_verifikasi, 0 },
	{ HTTP_GET, "/verifikasi/:kode", page_verifikasi, ROUTE_PUBLIC, NULL, 0 },
	{ HTTP_GET, "/verifikasi/:kode/dokumen.txt", page_verifikasi_dokumen, ROUTE_PUBLIC, NULL, 0 },
	{ HTTP_GET, "/tanda-tangan/:kode/cetak", page_tanda_tangan_cetak, ROUTE_PUBLIC, NULL, 0 },
	{ HTTP_GET, "/acara", page_acara_list, AUTH, p_acara_list, 0 },
	{ HTTP_GET, "/acara/baru", page_acara_new_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/acara/baru", page_acara_new_post, AUTH | POSTFORM, p_acara_form, 0 },
	{ HTTP_GET, "/acara/:id", page_acara_detail, AUTH, p_acara_detail, 0 },
	{ HTTP_GET, "/acara/:id/ubah", page_acara_edit_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/acara/:id/ubah", page_acara_edit_post, AUTH | POSTFORM, p_acara_form, 0 },
	{ HTTP_GET, "/acara/:id/peserta", page_acara_peserta_get, AUTH, p_acara_peserta, 0 },
	{ HTTP_POST, "/acara/:id/peserta", page_acara_peserta_post, AUTH | POSTFORM, p_acara_peserta, 0 },
	{ HTTP_GET, "/acara/:id/impor", page_acara_impor_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/acara/:id/impor", page_acara_impor_post, AUTH | ROUTE_MULTIPART | ROUTE_CSRF_CHECK, p_import, 0 },
	{ HTTP_POST, "/acara/:id/materi", page_acara_materi_post, AUTH | ROUTE_MULTIPART | ROUTE_CSRF_CHECK, p_acara_materi, 0 },
	{ HTTP_GET, "/acara/:id/materi/:sha", page_acara_materi_get, AUTH, NULL, 0 },
	{ HTTP_GET, "/hadir", page_hadir_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/hadir", page_hadir_post, AUTH | POSTFORM, p_hadir, 4096 },
	{ HTTP_GET, "/cakupan", page_cakupan, AUTH, p_cakupan, 0 },
	{ HTTP_GET, "/cakupan/ekspor.csv", page_cakupan_export, AUTH, p_cakupan, 0 },
	{ HTTP_GET, "/cakupan/ekspor.xlsx", page_cakupan_export, AUTH, p_cakupan, 0 },
	{ HTTP_GET, "/lapor", page_lapor_get, LAPOR, NULL, 0 },
	{ HTTP_POST, "/lapor", page_lapor_post, LAPOR_POST, laporan_params, LIMIT_LAPORAN_BODY },
	{ HTTP_GET, "/lapor/pantau", page_lapor_pantau_get, LAPOR, NULL, 0 },
	{ HTTP_POST, "/lapor/pantau", page_lapor_pantau_post, LAPOR_POST, p_lapor_pantau, LIMIT_LAPORAN_BODY },
	{ HTTP_GET, "/dasbor", page_dasbor, AUTH, p_dasbor, 0 },
	{ HTTP_GET, "/dasbor/ekspor/:tabel", page_dasbor_export, AUTH, p_dasbor, 0 },
	{ HTTP_GET, "/statistik", page_statistik, ROUTE_PUBLIC | ROUTE_NO_IP_LOG, statistik_params, 0 },
	{ HTTP_GET, "/kasus", page_kasus_list, AUTH, p_kasus_list, 0 },
	{ HTTP_GET, "/kasus/ekspor.csv", page_kasus_ekspor, AUTH, p_kasus_list, 0 },
	{ HTTP_GET, "/kasus/ekspor.xlsx", page_kasus_ekspor, AUTH, p_kasus_list, 0 },
	{ HTTP_GET, "/kasus/:nomor", page_kasus_detail, AUTH, p_kasus_detail, 0 },
	{ HTTP_POST, "/kasus/:nomor/pindah", page_kasus_pindah, AUTH | ROUTE_MULTIPART | ROUTE_CSRF_CHECK,
	  kasus_pindah_params, 0 },
	{ HTTP_POST, "/kasus/:nomor/perpanjang", page_kasus_perpanjang, AUTH | POSTFORM, p_kasus_alasan, 0 },
	{ HTTP_POST, "/kasus/:nomor/tag", page_kasus_tag, AUTH | POSTFORM, p_kasus_tag, 0 },
	{ HTTP_POST, "/kasus/:nomor/tugaskan", page_kasus_tugaskan, AUTH | POSTFORM, p_kasus_petugas, 0 },
	{ HTTP_POST, "/kasus/:nomor/catatan", page_kasus_catatan, AUTH | POSTFORM, p_kasus_catatan, 0 },
	{ HTTP_POST, "/kasus/:nomor/pesan", page_kasus_pesan, AUTH | POSTFORM, p_kasus_pesan, 0 },
	{ HTTP_GET, "/lapor/identitas", page_lapor_identitas_get, AUTH, NULL, 0 },
	{ HTTP_POST, "/lapor/identitas", page_lapor_identitas_post, AUTH | POSTFORM, p_lapor_identitas, 4096 },
	{ HTTP_GET, "/alur", page_alur_get, AUTH, p_alur_get, 0 },
	{ HTTP_GET, "/alur/ekspor", page_alur_ekspor, AUTH, p_alur_ekspor, 0 },
	{ HTTP_POST, "/alur", page_alur_post, AUTH | ROUTE_MULTIPART | ROUTE_CSRF_CHECK, p_alur_post, 0 },
	{ HTTP_GET, "/static/", page_static, ROUTE_PREFIX, NULL, 0 },
	{ 0 },
};
