/* Filing a citizen report (see laporan.h): checks, then one write
 * transaction holding the case, its evidence rows and the audit record. */
#include "core/compat.h"
#include "app/laporan.h"
#include "app/audit.h"
#include "app/bukti.h"
#include "app/laporan_int.h"
#include "app/laporan_ref.h"
#include "app/nip.h"
#include "core/date.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "crypto/receipt.h"
#include "crypto/seal.h"
#include <sodium.h>
#include <pthread.h>
#include <time.h>

int64_t laporan_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void laporan_errors_add(struct laporan_errors *e, const char *field, enum msg_id msg)
{
	if (e->n < LAPORAN_MAX_ERRORS) {
		e->e[e->n].field = field;
		e->e[e->n].msg = msg;
		e->n++;
	}
}

enum msg_id laporan_error_of(const struct laporan_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (!strcmp(e->e[i].field, field))
			return e->e[i].msg;
	return 0;
}

int laporan_clean_text(const char *s, int multiline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\t' || (multiline && (*p == '\n' || *p == '\r')))
			continue;
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	}
	return 1;
}

int laporan_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

static int one_of(const char *s, const char *const *set)
{
	for (size_t i = 0; set[i]; i++)
		if (!strcmp(s, set[i]))
			return 1;
	return 0;
}

/* Each line an http(s) URL without spaces; at most 10. */
int laporan_urls_ok(const char *s)
{
	int lines = 0;
	const char *p = s;
	while (*p) {
		size_t n = strcspn(p, "\r\n");
		if (n) {
			if (++lines > 10)
				return 0;
			if (!(n > 8 && !strncmp(p, "https://", 8)) && !(n > 7 && !strncmp(p, "http://", 7)))
				return 0;
			for (size_t i = 0; i < n; i++)
				if (p[i] == ' ' || p[i] == '"' || p[i] == '<' || p[i] == '>')
					return 0;
		}
		p += n;
		while (*p == '\r' || *p == '\n')
			p++;
	}
	return 1;
}

static int nik_ok(const char *s)
{
	return strlen(s) == 16 && strspn(s, "0123456789") == 16;
}

int laporan_nip_digits(const char *typed, int32_t today, char out[19], enum msg_id *why)
{
	struct nip_info info;
	int y, m, d;
	date_from_days(today, &y, &m, &d);
	int rc = nip_parse(typed, strlen(typed), y * 100 + m, &info);
	if (rc) {
		*why = (enum msg_id)rc;
		return APP_EINVAL;
	}
	snprintf(out, 19, "%s", info.digits);
	return 0;
}

static const char *const konteks_set[] = { "pemilu", "pilkada", NULL };
static const char *const penetapan_set[] = { "sebelum", "sesudah", "tidak_tahu", NULL };
static const char *const mode_set[] = { "anonim", "rahasia", "terbuka", NULL };
static const char *const jenis_set[] = { "pemilih", "peserta", "pemantau", "instansi", "lainnya", NULL };

void laporan_check_terlapor(const struct laporan_input *in, int32_t today, struct laporan_errors *err)
{
	if (!laporan_clean_text(in->terlapor_nama, 0))
		laporan_errors_add(err, "terlapor_nama", M_LAP_ERR_TEXT);
	if (!laporan_clean_text(in->terlapor_jabatan, 0))
		laporan_errors_add(err, "terlapor_jabatan", M_LAP_ERR_TEXT);
	if (!laporan_clean_text(in->terlapor_instansi, 0))
		laporan_errors_add(err, "terlapor_instansi", M_LAP_ERR_TEXT);
	if (!laporan_blank(in->terlapor_nip)) {
		char digits[19];
		enum msg_id why;
		if (laporan_nip_digits(in->terlapor_nip, today, digits, &why))
			laporan_errors_add(err, "terlapor_nip", M_LAP_ERR_NIP);
	}
}

int laporan_check(const struct laporan_input *in, int32_t today, struct laporan_errors *err)
{
	int start = err->n;
	if (!one_of(in->konteks, konteks_set))
		laporan_errors_add(err, "konteks", M_LAP_ERR_KONTEKS);
	laporan_check_terlapor(in, today, err);
	if (!strcmp(in->pelanggaran_kode, "lainnya")) {
		if (laporan_blank(in->pelanggaran_lain) || !laporan_clean_text(in->pelanggaran_lain, 0))
			laporan_errors_add(err, "pelanggaran_lain", M_LAP_ERR_LAIN);
	} else if (!laporan_pelanggaran_find(in->pelanggaran_kode)) {
		laporan_errors_add(err, "pelanggaran_kode", M_LAP_ERR_PELANGGARAN);
	}
	int32_t kej = 0, tahu = 0;
	int kej_ok = date_parse_iso(in->kejadian_tanggal, strlen(in->kejadian_tanggal), &kej) == 0 &&
		     kej <= today && kej >= date_to_days(2000, 1, 1);
	if (!kej_ok)
		laporan_errors_add(err, "kejadian_tanggal", M_LAP_ERR_TANGGAL);
	if (!laporan_blank(in->diketahui_tanggal)) {
		if (date_parse_iso(in->diketahui_tanggal, strlen(in->diketahui_tanggal), &tahu) ||
		    tahu > today || (kej_ok && tahu < kej))
			laporan_errors_add(err, "diketahui_tanggal", M_LAP_ERR_DIKETAHUI);
	}
	if (!laporan_clean_text(in->kejadian_tempat, 0))
		laporan_errors_add(err, "kejadian_tempat", M_LAP_ERR_TEXT);
	if (laporan_blank(in->wilayah) || !laporan_clean_text(in->wilayah, 0))
		laporan_errors_add(err, "wilayah", M_LAP_ERR_WILAYAH);
	if (in->penetapan_calon[0] && !one_of(in->penetapan_calon, penetapan_set))
		laporan_errors_add(err, "penetapan_calon", M_LAP_ERR_PENETAPAN);
	if (strlen(in->kronologi) < 20 || !laporan_clean_text(in->kronologi, 1))
		laporan_errors_add(err, "kronologi", M_LAP_ERR_KRONOLOGI);
	if (!laporan_clean_text(in->saksi, 1))
		laporan_errors_add(err, "saksi", M_LAP_ERR_TEXT);
	if (!laporan_urls_ok(in->tautan))
		laporan_errors_add(err, "tautan", M_LAP_ERR_TAUTAN);
	const char *mode = in->pelapor_mode[0] ? in->pelapor_mode : "anonim";
	if (!one_of(mode, mode_set)) {
		laporan_errors_add(err, "pelapor_mode", M_LAP_ERR_MODE);
	} else if (strcmp(mode, "anonim")) {
		if (laporan_blank(in->pelapor_nama) || !laporan_clean_text(in->pelapor_nama, 0))
			laporan_errors_add(err, "pelapor_nama", M_LAP_ERR_PELAPOR_NAMA);
		if (!laporan_blank(in->pelapor_nik) && !nik_ok(in->pelapor_nik))
			laporan_errors_add(err, "pelapor_nik", M_LAP_ERR_NIK);
		if (!laporan_clean_text(in->pelapor_alamat, 0))
			laporan_errors_add(err, "pelapor_alamat", M_LAP_ERR_TEXT);
		if (laporan_blank(in->pelapor_kontak) || !laporan_clean_text(in->pelapor_kontak, 0))
			laporan_errors_add(err, "pelapor_kontak", M_LAP_ERR_KONTAK);
	}
	if (in->pelapor_jenis[0] && !one_of(in->pelapor_jenis, jenis_set))
		laporan_errors_add(err, "pelapor_jenis", M_LAP_ERR_JENIS);
	return err->n > start ? APP_EINVAL : 0;
}

void laporan_kekurangan(const struct kasus *k, size_t n_bukti, char *out, size_t outsz)
{
	int no_bukti = n_bukti == 0 && laporan_blank(k->tautan);
	int no_terlapor = k->pegawai_id == 0 &&
			  (laporan_blank(k->terlapor_nama) || laporan_blank(k->terlapor_instansi));
	snprintf(out, outsz, "%s%s%s", no_bukti ? "bukti" : "", no_bukti && no_terlapor ? ";" : "",
		 no_terlapor ? "terlapor" : "");
}

/* Link the reported person to the registry when the NIP is known there:
 * the case then takes the employee's instansi as its scope. */
int laporan_link_nip(struct store *s, struct kasus *k, const char *typed, int32_t today)
{
	char digits[19];
	enum msg_id why;
	if (laporan_blank(typed) || laporan_nip_digits(typed, today, digits, &why))
		return 0;
	snprintf(k->terlapor_nip, sizeof(k->terlapor_nip), "%s", digits);
	struct pegawai p;
	int rc = store_pegawai_get_by_nip(s, digits, &p);
	if (rc == APP_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	k->pegawai_id = p.id;
	k->instansi_id = p.instansi_id;
	if (laporan_blank(k->terlapor_nama))
		snprintf(k->terlapor_nama, sizeof(k->terlapor_nama), "%s", p.nama);
	if (laporan_blank(k->terlapor_jabatan))
		snprintf(k->terlapor_jabatan, sizeof(k->terlapor_jabatan), "%s", p.jabatan);
	if (laporan_blank(k->terlapor_instansi)) {
		struct instansi in;
		if (store_instansi_get(s, p.instansi_id, &in) == 0)
			snprintf(k->terlapor_instansi, sizeof(k->terlapor_instansi), "%s", in.nama);
	}
	return 0;
}

/* Rate-limit keys never hold the client's address: it is replaced by a
 * keyed hash under a key that lives only in this process's memory (the
 * windows are at most an hour, so a restart costing the counts is fine,
 * and the stored key cannot be turned back into an address). */
static unsigned char g_rate_key[crypto_generichash_KEYBYTES];
static pthread_once_t g_rate_once = PTHREAD_ONCE_INIT;

static void rate_key_init(void)
{
	randombytes_buf(g_rate_key, sizeof(g_rate_key));
}

static int rate(struct store *s, const char *kind, const char *key, int64_t limit,
		int64_t window, int64_t now)
{
	char k[128], hex[33];
	unsigned char h[16];
	int64_t n = 0;
	key = key && *key ? key : "-";
	pthread_once(&g_rate_once, rate_key_init);
	crypto_generichash(h, sizeof(h), (const unsigned char *)key, strlen(key), g_rate_key,
			   sizeof(g_rate_key));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(k, sizeof(k), "lapor:%s:%s", kind, hex);
	int rc = store_rate_hit(s, k, now, window, &n);
	if (rc)
		return rc;
	return n > limit ? APP_EBUSY : 0;
}

/* Reports per client per window; set once by `wasdal serve` before any
 * worker thread starts (atomic anyway: tests may set it between runs). */
static _Atomic int64_t g_laporan_per_client = LIMIT_LAPORAN_PER_CLIENT;

void laporan_set_per_client(int64_t per_window)
{
	g_laporan_per_client =
		limit_clamp(per_window, LIMIT_LAPORAN_PER_CLIENT, LIMIT_LAPORAN_PER_CLIENT_HARD);
}

int64_t laporan_per_client(void)
{
	return g_laporan_per_client;
}

int laporan_rate(struct store *s, const char *kind, const char *key, int64_t limit, int64_t window,
		 int64_t now)
{
	return rate(s, kind, key, limit, window, now);
}

/* The install's receipt salt, created on the first report. */
int laporan_salt(struct store *s, char salt[33])
{
	int rc = store_laporan_salt_get(s, salt);
	if (rc != APP_ENOTFOUND)
		return rc;
	char fresh[RECEIPT_SALT_HEX];
	receipt_salt_new(fresh);
	if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
		return rc;
	rc = store_laporan_salt_init(s, fresh, salt);
	/* Only the fact is recorded: the salt itself stays out of the chain. */
	if (!rc && !strcmp(salt, fresh))
		rc = audit_append(s, NULL, "laporan.garam_dibuat", "laporan_instalasi", "1", NULL);
	if (!rc)
		return store_tx_commit(s);
	store_tx_rollback(s);
	return rc;
}

/* "v1\n" then one line per field: the fields were checked to hold no line
 * breaks, so the format needs no escaping. */
static int seal_identity(struct store *s, const struct laporan_input *in, struct kasus *k)
{
	struct kunci_pengawas key;
	int rc = store_kunci_pengawas_current(s, &key);
	if (rc)
		return rc;
	char plain[1024];
	int n = snprintf(plain, sizeof(plain), "v1\n%s\n%s\n%s\n%s\n%s\n", in->pelapor_nama,
			 in->pelapor_nik, in->pelapor_alamat, in->pelapor_kontak, in->pelapor_jenis);
	if (n < 0 || (size_t)n >= sizeof(plain))
		return APP_ETOOBIG;
	rc = seal_box(key.public_hex, plain, (size_t)n, k->identitas_sealed, sizeof(k->identitas_sealed));
	sodium_memzero(plain, sizeof(plain));
	k->identitas_kunci_id = key.id;
	return rc;
}

int laporan_parse_identity(const char *plain, struct laporan_identitas *out)
{
	memset(out, 0, sizeof(*out));
	if (strncmp(plain, "v1\n", 3))
		return APP_EINVAL;
	const char *p = plain + 3;
	char *fields[] = { out->nama, out->nik, out->alamat, out->kontak, out->jenis };
	size_t sizes[] = { sizeof(out->nama), sizeof(out->nik), sizeof(out->alamat),
			   sizeof(out->kontak), sizeof(out->jenis) };
	for (size_t i = 0; i < 5; i++) {
		const char *nl = strchr(p, '\n');
		if (!nl)
			return APP_EINVAL;
		snprintf(fields[i], sizes[i], "%.*s", (int)(nl - p), p);
		p = nl + 1;
	}
	return 0;
}

static void copy_field(char *dst, size_t cap, const char *src)
{
	/* trim surrounding blanks: forms send what people paste */
	while (*src == ' ' || *src == '\t')
		src++;
	size_t n = strlen(src);
	while (n && (src[n - 1] == ' ' || src[n - 1] == '\t' || src[n - 1] == '\r' || src[n - 1] == '\n'))
		n--;
	snprintf(dst, cap, "%.*s", (int)n, src);
}

const struct principal *laporan_pelapor(void)
{
	static const struct principal anon = { .user_id = 0, .username = "pelapor anonim",
					       .nama = "pelapor anonim", .role = ROLE_NONE };
	return &anon;
}

/* Prepare every file before the transaction (sniffing and stripping are
 * CPU work that must not hold the write lock). */
int laporan_prepare_files(const struct laporan_file *files, size_t nfiles,
			  struct bukti_prepared *prep, struct laporan_errors *err)
{
	if (nfiles > LIMIT_BUKTI_PER_UPLOAD) {
		laporan_errors_add(err, "bukti", M_BUKTI_TOO_MANY);
		return APP_EINVAL;
	}
	int rc = 0;
	for (size_t i = 0; i < nfiles; i++) {
		enum msg_id why;
		int r = bukti_prepare(files[i].data, files[i].len, &prep[i], &why);
		if (r) {
			laporan_errors_add(err, "bukti", why);
			rc = APP_EINVAL;
		}
	}
	if (rc)
		for (size_t i = 0; i < nfiles; i++)
			bukti_release(&prep[i]);
	return rc;
}

void laporan_clean_name(const char *name, char *out, size_t outsz)
{
	size_t o = 0;
	const char *base = name ? name : "";
	const char *slash = strrchr(base, '/');
	if (slash)
		base = slash + 1;
	slash = strrchr(base, '\\');
	if (slash)
		base = slash + 1;
	for (const unsigned char *p = (const unsigned char *)base; *p && o + 1 < outsz; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '-' || *p == '_')
			out[o++] = (char)*p;
		else if (*p == ' ')
			out[o++] = '_';
	out[o] = '\0';
}

/* Write the prepared files to disk, then their rows (inside the caller's
 * transaction). A file written for a transaction that rolls back stays on
 * disk until the caller's bukti_journal_end removes it (see app/bukti.h). */
int laporan_store_files(struct store *s, int64_t kasus_id, const struct laporan_file *files,
			struct bukti_prepared *prep, size_t nfiles, int64_t now_ms, int *added,
			int *stripped)
{
	*added = *stripped = 0;
	for (size_t i = 0; i < nfiles; i++) {
		int rc = bukti_write(&prep[i]);
		if (rc)
			return rc;
		struct kasus_bukti b = { 0 };
		b.kasus_id = kasus_id;
		snprintf(b.sha256, sizeof(b.sha256), "%s", prep[i].sha256);
		snprintf(b.mime, sizeof(b.mime), "%s", prep[i].mime);
		b.ukuran = (int64_t)prep[i].data.len;
		laporan_clean_name(files[i].nama, b.nama_berkas, sizeof(b.nama_berkas));
		b.metadata_dihapus = prep[i].metadata_dihapus;
		snprintf(b.oleh, sizeof(b.oleh), "pelapor");
		b.created_ms = now_ms;
		rc = store_kasus_bukti_insert(s, &b);
		if (rc == APP_ECONFLICT)
			continue; /* the same file twice: kept once */
		if (rc)
			return rc;
		(*added)++;
		*stripped += b.metadata_dihapus;
	}
	return 0;
}

static int audit_filed(struct store *s, const struct kasus *k, int n_bukti)
{
	struct buf b;
	struct jsonw w;
	buf_init(&b, 4096);
	jsonw_init(&w, &b);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "tahap", k->tahap);
	jsonw_kv_str(&w, "konteks", k->konteks);
	jsonw_kv_str(&w, "pelanggaran", k->pelanggaran_kode);
	jsonw_kv_str(&w, "pelapor_mode", k->pelapor_mode);
	jsonw_kv_int(&w, "bukti", n_bukti);
	jsonw_kv_bool(&w, "terlambat", k->terlambat);
	jsonw_kv_str(&w, "kekurangan", k->kekurangan);
	jsonw_kv_str(&w, "sumber", k->sumber);
	jsonw_obj_end(&w);
	int rc = audit_append(s, laporan_pelapor(), "laporan.ajukan", "kasus", k->nomor, b.ptr);
	buf_release(&b);
	return rc;
}

int laporan_ajukan(struct store *s, const char *client_key, const struct laporan_input *in,
		   const struct laporan_file *files, size_t nfiles, const char *sumber,
		   int64_t now_ms, struct laporan_diterima *out, struct laporan_errors *err)
{
	return laporan_ajukan_receipt(s, client_key, in, files, nfiles, sumber, NULL, now_ms, out, err);
}

int laporan_ajukan_receipt(struct store *s, const char *client_key, const struct laporan_input *in,
			   const struct laporan_file *files, size_t nfiles, const char *sumber,
			   const char *fixed_receipt, int64_t now_ms, struct laporan_diterima *out,
			   struct laporan_errors *err)
{
	memset(out, 0, sizeof(*out));
	int32_t today = (int32_t)((now_ms / 1000 + 7 * 3600) / 86400);
	int rc = laporan_check(in, today, err);
	if (rc)
		return rc;
	if (strcmp(sumber, "seed") &&
	    (rc = rate(s, "ajukan", client_key, g_laporan_per_client, LIMIT_LAPORAN_WINDOW_MS, now_ms)))
		return rc;

	struct kasus *k = calloc(1, sizeof(*k));
	struct bukti_prepared prep[LIMIT_BUKTI_PER_UPLOAD];
	if (!k)
		return APP_ENOMEM;
	memset(prep, 0, sizeof(prep));
	if ((rc = laporan_prepare_files(files, nfiles, prep, err))) {
		free(k);
		return rc;
	}
	snprintf(k->konteks, sizeof(k->konteks), "%.7s", in->konteks);
	snprintf(k->tahap, sizeof(k->tahap), "diterima");
	const struct workflow *wf = laporan_workflow();
	k->workflow_versi = wf ? wf->version : 1;
	copy_field(k->terlapor_nama, sizeof(k->terlapor_nama), in->terlapor_nama);
	copy_field(k->terlapor_jabatan, sizeof(k->terlapor_jabatan), in->terlapor_jabatan);
	copy_field(k->terlapor_instansi, sizeof(k->terlapor_instansi), in->terlapor_instansi);
	snprintf(k->pelanggaran_kode, sizeof(k->pelanggaran_kode), "%s", in->pelanggaran_kode);
	if (!strcmp(in->pelanggaran_kode, "lainnya"))
		copy_field(k->pelanggaran_lain, sizeof(k->pelanggaran_lain), in->pelanggaran_lain);
	(void)date_parse_iso(in->kejadian_tanggal, strlen(in->kejadian_tanggal), &k->kejadian_hari);
	k->diketahui_hari = k->kejadian_hari;
	if (!laporan_blank(in->diketahui_tanggal))
		(void)date_parse_iso(in->diketahui_tanggal, strlen(in->diketahui_tanggal), &k->diketahui_hari);
	k->terlambat = today - k->diketahui_hari > LIMIT_LAPORAN_LATE_DAYS;
	copy_field(k->kejadian_tempat, sizeof(k->kejadian_tempat), in->kejadian_tempat);
	copy_field(k->wilayah, sizeof(k->wilayah), in->wilayah);
	snprintf(k->penetapan_calon, sizeof(k->penetapan_calon), "%.11s",
		 in->penetapan_calon[0] ? in->penetapan_calon : "tidak_tahu");
	copy_field(k->kronologi, sizeof(k->kronologi), in->kronologi);
	copy_field(k->saksi, sizeof(k->saksi), in->saksi);
	copy_field(k->tautan, sizeof(k->tautan), in->tautan);
	snprintf(k->pelapor_mode, sizeof(k->pelapor_mode), "%.7s",
		 in->pelapor_mode[0] ? in->pelapor_mode : "anonim");
	snprintf(k->sumber, sizeof(k->sumber), "%s", sumber);
	k->created_ms = k->updated_ms = k->tahap_sejak_ms = now_ms;
	k->tenggat_hari = laporan_tenggat("diterima", k->konteks, today);

	char salt[33];
	rc = laporan_link_nip(s, k, in->terlapor_nip, today);
	if (!rc)
		rc = laporan_salt(s, salt);
	if (!rc && strcmp(k->pelapor_mode, "anonim")) {
		rc = seal_identity(s, in, k);
		if (rc == APP_ENOTFOUND)
			laporan_errors_add(err, "pelapor_mode", M_LAP_ERR_NO_KEY);
		if (!rc && !strcmp(k->pelapor_mode, "terbuka"))
			copy_field(k->pelapor_nama, sizeof(k->pelapor_nama), in->pelapor_nama);
	}
	laporan_kekurangan(k, nfiles, k->kekurangan, sizeof(k->kekurangan));

	/* A receipt hash collision (1 in 10^16 per pair) would be a UNIQUE
	 * conflict: draw again. The evidence files written for a filing that
	 * does not commit are removed again (the journal). */
	bukti_journal_begin();
	for (int attempt = 0; !rc && attempt < 3; attempt++) {
		if (fixed_receipt)
			snprintf(out->receipt, sizeof(out->receipt), "%.16s", fixed_receipt);
		else if ((rc = receipt_new(out->receipt)))
			break;
		if ((rc = receipt_hash(out->receipt, salt, k->receipt_hash)))
			break;
		k->nomor[0] = '\0';
		if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
			break;
		rc = store_kasus_insert(s, k);
		if (rc == APP_ECONFLICT) {
			store_tx_rollback(s);
			rc = 0;
			continue;
		}
		int added = 0, stripped = 0;
		if (!rc)
			rc = laporan_store_files(s, k->id, files, prep, nfiles, now_ms, &added, &stripped);
		if (!rc)
			rc = audit_filed(s, k, added);
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
		if (!rc) {
			out->n_bukti = added;
			out->n_metadata_dihapus = stripped;
		}
		break;
	}
	bukti_journal_end(rc == 0);
	if (!rc) {
		snprintf(out->nomor, sizeof(out->nomor), "%s", k->nomor);
		receipt_display(out->receipt, out->receipt_display);
		out->terlambat = k->terlambat;
		out->tenggat_hari = k->tenggat_hari;
		snprintf(out->kekurangan, sizeof(out->kekurangan), "%s", k->kekurangan);
	} else {
		sodium_memzero(out->receipt, sizeof(out->receipt));
	}
	for (size_t i = 0; i < nfiles; i++)
		bukti_release(&prep[i]);
	sodium_memzero(k->identitas_sealed, sizeof(k->identitas_sealed));
	free(k);
	return rc;
}
