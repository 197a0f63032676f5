/* SQLite: the neutrality case tables (migration 0004). */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_sqlite_int.h"

#define KASUS_COLS "k.id, k.nomor, k.receipt_hash, k.created_ms, k.updated_ms, k.konteks, k.tahap," \
	" k.tahap_sejak_ms, k.tenggat_hari, k.workflow_versi, k.instansi_id, k.pegawai_id," \
	" k.terlapor_nama, k.terlapor_nip, k.terlapor_jabatan, k.terlapor_instansi," \
	" k.pelanggaran_kode, k.pelanggaran_lain, k.kejadian_hari, k.kejadian_tempat, k.wilayah," \
	" k.penetapan_calon, k.kronologi, k.saksi, k.tautan, k.pelapor_mode, k.identitas_sealed," \
	" k.identitas_kunci_id, k.pelapor_nama, k.diketahui_hari, k.terlambat, k.kekurangan," \
	" k.petugas_id, k.sumber, coalesce(i.path, '')" \
	" FROM kasus k LEFT JOIN instansi i ON i.id = k.instansi_id"

static int sq_nomor_next(struct store *s, int year, int64_t *seq)
{
	struct sq_params p = { 0 };
	sp_int(&p, year);
	int rc = sq_int_row(sq_downcast(s), "INSERT INTO kasus_nomor (tahun, terakhir) VALUES (?1, 1)"
			    " ON CONFLICT (tahun) DO UPDATE SET terakhir = terakhir + 1 RETURNING terakhir",
			    &p, seq, "kasus number");
	if (rc == 0)
		rc = store_fail(s, APP_EINTERNAL, "kasus number: no row");
	return rc < 0 ? rc : 0;
}

static int sq_kasus_insert(struct store *s, struct kasus *k)
{
	struct sq_params p = { 0 };
	sp_text(&p, k->nomor);
	sp_text(&p, k->receipt_hash);
	sp_int(&p, k->created_ms);
	sp_int(&p, k->updated_ms);
	sp_text(&p, k->konteks);
	sp_text(&p, k->tahap);
	sp_int(&p, k->tahap_sejak_ms);
	sp_id(&p, k->tenggat_hari);
	sp_int(&p, k->workflow_versi);
	sp_id(&p, k->instansi_id);
	sp_id(&p, k->pegawai_id);
	sp_text(&p, k->terlapor_nama);
	sp_text(&p, k->terlapor_nip);
	sp_text(&p, k->terlapor_jabatan);
	sp_text(&p, k->terlapor_instansi);
	sp_text(&p, k->pelanggaran_kode);
	sp_text(&p, k->pelanggaran_lain);
	sp_int(&p, k->kejadian_hari);
	sp_text(&p, k->kejadian_tempat);
	sp_text(&p, k->wilayah);
	sp_text(&p, k->penetapan_calon);
	sp_text(&p, k->kronologi);
	sp_text(&p, k->saksi);
	sp_text(&p, k->tautan);
	sp_text(&p, k->pelapor_mode);
	if (k->identitas_sealed[0])
		sp_text(&p, k->identitas_sealed);
	else
		sp_null(&p);
	sp_id(&p, k->identitas_kunci_id);
	sp_text(&p, k->pelapor_nama);
	sp_int(&p, k->diketahui_hari);
	sp_int(&p, k->terlambat ? 1 : 0);
	sp_text(&p, k->kekurangan);
	sp_id(&p, k->petugas_id);
	sp_text(&p, k->sumber[0] ? k->sumber : "web");
	return sq_insert(sq_downcast(s), "INSERT INTO kasus (nomor, receipt_hash, created_ms, updated_ms,"
			 " konteks, tahap, tahap_sejak_ms, tenggat_hari, workflow_versi, instansi_id,"
			 " pegawai_id, terlapor_nama, terlapor_nip, terlapor_jabatan, terlapor_instansi,"
			 " pelanggaran_kode, pelanggaran_lain, kejadian_hari, kejadian_tempat, wilayah,"
			 " penetapan_calon, kronologi, saksi, tautan, pelapor_mode, identitas_sealed,"
			 " identitas_kunci_id, pelapor_nama, diketahui_hari, terlambat, kekurangan, petugas_id,"
			 " sumber) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
			 " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32,"
			 " ?33) RETURNING id", &p, &k->id, "kasus insert");
}

static int read_kasus(struct store *s, sqlite3_stmt *st, void *out)
{
	struct kasus *k = out;
	memset(k, 0, sizeof(*k));
	k->id = sqlite3_column_int64(st, 0);
	k->created_ms = sqlite3_column_int64(st, 3);
	k->updated_ms = sqlite3_column_int64(st, 4);
	k->tahap_sejak_ms = sqlite3_column_int64(st, 7);
	k->tenggat_hari = (int32_t)sqlite3_column_int64(st, 8);
	k->workflow_versi = sqlite3_column_int(st, 9);
	k->instansi_id = sqlite3_column_int64(st, 10);
	k->pegawai_id = sqlite3_column_int64(st, 11);
	k->kejadian_hari = (int32_t)sqlite3_column_int64(st, 18);
	k->identitas_kunci_id = sqlite3_column_int64(st, 27);
	k->diketahui_hari = (int32_t)sqlite3_column_int64(st, 29);
	k->terlambat = sqlite3_column_int(st, 30);
	k->petugas_id = sqlite3_column_int64(st, 32);
	int rc = STORE_COPY(s, k->nomor, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, k->receipt_hash, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, k->konteks, sq_col_text(st, 5));
	if (!rc) rc = STORE_COPY(s, k->tahap, sq_col_text(st, 6));
	if (!rc) rc = STORE_COPY(s, k->terlapor_nama, sq_col_text(st, 12));
	if (!rc) rc = STORE_COPY(s, k->terlapor_nip, sq_col_text(st, 13));
	if (!rc) rc = STORE_COPY(s, k->terlapor_jabatan, sq_col_text(st, 14));
	if (!rc) rc = STORE_COPY(s, k->terlapor_instansi, sq_col_text(st, 15));
	if (!rc) rc = STORE_COPY(s, k->pelanggaran_kode, sq_col_text(st, 16));
	if (!rc) rc = STORE_COPY(s, k->pelanggaran_lain, sq_col_text(st, 17));
	if (!rc) rc = STORE_COPY(s, k->kejadian_tempat, sq_col_text(st, 19));
	if (!rc) rc = STORE_COPY(s, k->wilayah, sq_col_text(st, 20));
	if (!rc) rc = STORE_COPY(s, k->penetapan_calon, sq_col_text(st, 21));
	if (!rc) rc = STORE_COPY(s, k->kronologi, sq_col_text(st, 22));
	if (!rc) rc = STORE_COPY(s, k->saksi, sq_col_text(st, 23));
	if (!rc) rc = STORE_COPY(s, k->tautan, sq_col_text(st, 24));
	if (!rc) rc = STORE_COPY(s, k->pelapor_mode, sq_col_text(st, 25));
	if (!rc) rc = STORE_COPY(s, k->identitas_sealed, sq_col_text(st, 26));
	if (!rc) rc = STORE_COPY(s, k->pelapor_nama, sq_col_text(st, 28));
	if (!rc) rc = STORE_COPY(s, k->kekurangan, sq_col_text(st, 31));
	if (!rc) rc = STORE_COPY(s, k->sumber, sq_col_text(st, 33));
	if (!rc) rc = STORE_COPY(s, k->instansi_path, sq_col_text(st, 34));
	return rc;
}

static int sq_kasus_get(struct store *s, const char *by, int64_t id_val, const char *text_val,
			struct kasus *out)
{
	struct sq_params p = { 0 };
	const char *sql;
	if (!strcmp(by, "id"))
		sql = "SELECT " KASUS_COLS " WHERE k.id = ?1";
	else if (!strcmp(by, "nomor"))
		sql = "SELECT " KASUS_COLS " WHERE k.nomor = ?1";
	else
		sql = "SELECT " KASUS_COLS " WHERE k.receipt_hash = ?1";
	if (!strcmp(by, "id"))
		sp_int(&p, id_val);
	else
		sp_text(&p, text_val);
	return sq_one(sq_downcast(s), sql, &p, read_kasus, out, "kasus", "no such case");
}

/* An UPDATE of one case by id: no row changed is APP_ENOTFOUND. */
static int update_case(struct store *s, const char *sql, const struct sq_params *p,
		       const char *what)
{
	int64_t n = 0;
	int rc = sq_run(sq_downcast(s), sql, p, &n, what);
	return rc ? rc : n == 1 ? 0 : store_fail(s, APP_ENOTFOUND, "no such case");
}

static int sq_kasus_set_tahap(struct store *s, const struct kasus *k, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, k->id);
	sp_text(&p, k->tahap);
	sp_int(&p, k->tahap_sejak_ms);
	sp_id(&p, k->tenggat_hari);
	sp_int(&p, k->workflow_versi);
	sp_text(&p, k->kekurangan);
	sp_int(&p, now_ms);
	return update_case(s, "UPDATE kasus SET tahap = ?2, tahap_sejak_ms = ?3, tenggat_hari = ?4,"
			   " workflow_versi = ?5, kekurangan = ?6, updated_ms = ?7 WHERE id = ?1", &p,
			   "kasus set tahap");
}

static int sq_kasus_set_terlapor(struct store *s, const struct kasus *k, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, k->id);
	sp_text(&p, k->terlapor_nama);
	sp_text(&p, k->terlapor_nip);
	sp_text(&p, k->terlapor_jabatan);
	sp_text(&p, k->terlapor_instansi);
	sp_id(&p, k->pegawai_id);
	sp_id(&p, k->instansi_id);
	sp_text(&p, k->kekurangan);
	sp_int(&p, now_ms);
	return update_case(s, "UPDATE kasus SET terlapor_nama = ?2, terlapor_nip = ?3,"
			   " terlapor_jabatan = ?4, terlapor_instansi = ?5, pegawai_id = ?6, instansi_id = ?7,"
			   " kekurangan = ?8, updated_ms = ?9 WHERE id = ?1", &p, "kasus set terlapor");
}

static int sq_kasus_set_tautan(struct store *s, const struct kasus *k, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, k->id);
	sp_text(&p, k->tautan);
	sp_text(&p, k->kekurangan);
	sp_int(&p, now_ms);
	return update_case(s, "UPDATE kasus SET tautan = ?2, kekurangan = ?3, updated_ms = ?4"
			   " WHERE id = ?1", &p, "kasus set tautan");
}

static int sq_kasus_set_petugas(struct store *s, int64_t id, int64_t petugas_id, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	sp_id(&p, petugas_id);
	sp_int(&p, now_ms);
	return update_case(s, "UPDATE kasus SET petugas_id = ?2, updated_ms = ?3 WHERE id = ?1", &p,
			   "kasus set petugas");
}

static int sq_bukti_insert(struct store *s, struct kasus_bukti *b)
{
	struct sq_params p = { 0 };
	sp_int(&p, b->kasus_id);
	sp_text(&p, b->sha256);
	sp_text(&p, b->mime);
	sp_int(&p, b->ukuran);
	sp_text(&p, b->nama_berkas);
	sp_int(&p, b->metadata_dihapus ? 1 : 0);
	sp_text(&p, b->oleh);
	sp_id(&p, b->user_id);
	sp_int(&p, b->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO kasus_bukti (kasus_id, sha256, mime, ukuran,"
			 " nama_berkas, metadata_dihapus, oleh, user_id, created_ms)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id", &p, &b->id,
			 "kasus bukti insert");
}

static int sq_bukti_list(struct store *s, int64_t kasus_id, int64_t only_id,
			 struct kasus_bukti *out, size_t max, size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT id, kasus_id, sha256, mime, ukuran, nama_berkas, metadata_dihapus, oleh,"
			 " user_id, created_ms FROM kasus_bukti WHERE kasus_id = ?1 AND (?2 = 0 OR id = ?2)"
			 " ORDER BY created_ms, id LIMIT ?3", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, kasus_id);
	sq_bind_int(st, 2, only_id);
	sq_bind_int(st, 3, (int64_t)max);
	*n = 0;
	while ((rc = sq_step(q, st, "kasus bukti")) == 1) {
		struct kasus_bukti *b = &out[*n];
		memset(b, 0, sizeof(*b));
		b->id = sqlite3_column_int64(st, 0);
		b->kasus_id = sqlite3_column_int64(st, 1);
		b->ukuran = sqlite3_column_int64(st, 4);
		b->metadata_dihapus = sqlite3_column_int(st, 6);
		b->user_id = sqlite3_column_int64(st, 8);
		b->created_ms = sqlite3_column_int64(st, 9);
		rc = STORE_COPY(s, b->sha256, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, b->mime, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, b->nama_berkas, sq_col_text(st, 5));
		if (!rc) rc = STORE_COPY(s, b->oleh, sq_col_text(st, 7));
		if (rc)
			break;
		(*n)++;
	}
	sq_done(q, st);
	return rc;
}

static int sq_pesan_insert(struct store *s, struct kasus_pesan *p)
{
	struct sq_params pp = { 0 };
	sp_int(&pp, p->kasus_id);
	sp_int(&pp, p->created_ms);
	sp_text(&pp, p->dari);
	sp_id(&pp, p->user_id);
	sp_text(&pp, p->petugas_nama);
	sp_text(&pp, p->isi);
	return sq_insert(sq_downcast(s), "INSERT INTO kasus_pesan (kasus_id, created_ms, dari, user_id,"
			 " petugas_nama, isi) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id", &pp, &p->id,
			 "kasus pesan insert");
}

static int sq_pesan_list(struct store *s, int64_t kasus_id, struct kasus_pesan *out, size_t max,
			 size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT id, kasus_id, created_ms, dari, user_id, petugas_nama, isi"
			 " FROM kasus_pesan WHERE kasus_id = ?1 ORDER BY created_ms, id LIMIT ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, kasus_id);
	sq_bind_int(st, 2, (int64_t)max);
	*n = 0;
	while ((rc = sq_step(q, st, "kasus pesan")) == 1) {
		struct kasus_pesan *p = &out[*n];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(st, 0);
		p->kasus_id = sqlite3_column_int64(st, 1);
		p->created_ms = sqlite3_column_int64(st, 2);
		p->user_id = sqlite3_column_int64(st, 4);
		rc = STORE_COPY(s, p->dari, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, p->petugas_nama, sq_col_text(st, 5));
		if (!rc) rc = STORE_COPY(s, p->isi, sq_col_text(st, 6));
		if (rc)
			break;
		(*n)++;
	}
	sq_done(q, st);
	return rc;
}

static int sq_akses_insert(struct store *s, struct kasus_identitas_akses *a)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO kasus_identitas_akses (kasus_id, user_id, petugas_nama, alasan,"
			 " created_ms) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, a->kasus_id);
	sq_bind_int(st, 2, a->user_id);
	sq_bind_text(st, 3, a->petugas_nama);
	sq_bind_text(st, 4, a->alasan);
	sq_bind_int(st, 5, a->created_ms);
	rc = sq_step(q, st, "identity opening insert");
	if (rc == 1) {
		a->id = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

static int sq_akses_list(struct store *s, int64_t kasus_id, struct kasus_identitas_akses *out,
			 size_t max, size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT id, kasus_id, user_id, petugas_nama, alasan, created_ms"
			 " FROM kasus_identitas_akses WHERE kasus_id = ?1 ORDER BY created_ms, id LIMIT ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, kasus_id);
	sq_bind_int(st, 2, (int64_t)max);
	*n = 0;
	while ((rc = sq_step(q, st, "identity openings")) == 1) {
		struct kasus_identitas_akses *a = &out[*n];
		memset(a, 0, sizeof(*a));
		a->id = sqlite3_column_int64(st, 0);
		a->kasus_id = sqlite3_column_int64(st, 1);
		a->user_id = sqlite3_column_int64(st, 2);
		a->created_ms = sqlite3_column_int64(st, 5);
		rc = STORE_COPY(s, a->petugas_nama, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, a->alasan, sq_col_text(st, 4));
		if (rc)
			break;
		(*n)++;
	}
	sq_done(q, st);
	return rc;
}

static int sq_kunci_retire(struct store *s, int64_t now_ms)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "UPDATE kunci_pengawas SET retired_ms = max(?1, created_ms) WHERE retired_ms IS NULL",
			 &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, now_ms);
	rc = sq_exec(q, st, "oversight key retire");
	sq_done(q, st);
	return rc;
}

static int sq_kunci_insert(struct store *s, struct kunci_pengawas *k)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO kunci_pengawas (public_hex, secret_box_hex, nonce_hex, kdf_salt_hex,"
			 " kdf_ops, kdf_mem, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, k->public_hex);
	sq_bind_text(st, 2, k->secret_box_hex);
	sq_bind_text(st, 3, k->nonce_hex);
	sq_bind_text(st, 4, k->kdf_salt_hex);
	sq_bind_int(st, 5, k->kdf_ops);
	sq_bind_int(st, 6, k->kdf_mem);
	sq_bind_int(st, 7, k->created_ms);
	rc = sq_step(q, st, "oversight key insert");
	if (rc == 1) {
		k->id = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

static int sq_kunci_get(struct store *s, int64_t id, struct kunci_pengawas *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT id, public_hex, secret_box_hex, nonce_hex, kdf_salt_hex, kdf_ops, kdf_mem,"
			 " created_ms, retired_ms FROM kunci_pengawas"
			 " WHERE (?1 = 0 AND retired_ms IS NULL) OR id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	rc = sq_step(q, st, "oversight key");
	if (rc == 1) {
		memset(out, 0, sizeof(*out));
		out->id = sqlite3_column_int64(st, 0);
		out->kdf_ops = sqlite3_column_int64(st, 5);
		out->kdf_mem = sqlite3_column_int64(st, 6);
		out->created_ms = sqlite3_column_int64(st, 7);
		out->retired_ms = sqlite3_column_int64(st, 8);
		rc = STORE_COPY(s, out->public_hex, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, out->secret_box_hex, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, out->nonce_hex, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, out->kdf_salt_hex, sq_col_text(st, 4));
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no oversight key");
	}
	sq_done(q, st);
	return rc;
}

static int sq_salt_get(struct store *s, char out[33])
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT receipt_salt_hex FROM laporan_instalasi WHERE id = 1", &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "receipt salt");
	if (rc == 1)
		rc = store_copy(s, out, 33, sq_col_text(st, 0), "receipt salt");
	else if (rc == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no receipt salt yet");
	sq_done(q, st);
	return rc;
}

static int sq_salt_put(struct store *s, const char *salt_hex, int64_t now_ms)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO laporan_instalasi (id, receipt_salt_hex, created_ms) VALUES (1, ?1, ?2)"
			 " ON CONFLICT (id) DO NOTHING", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, salt_hex);
	sq_bind_int(st, 2, now_ms);
	rc = sq_exec(q, st, "receipt salt");
	sq_done(q, st);
	return rc;
}

static int sq_bukti_sha_list(struct store *s, int (*cb)(void *, const char *), void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT DISTINCT sha256 FROM kasus_bukti ORDER BY sha256", &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "kasus bukti sha")) == 1) {
		if ((rc = cb(ctx, sq_col_text(st, 0)))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

const struct store_kasus_ops store_sqlite_kasus_ops = {
	.nomor_next = sq_nomor_next,
	.insert = sq_kasus_insert,
	.get = sq_kasus_get,
	.set_tahap = sq_kasus_set_tahap,
	.set_terlapor = sq_kasus_set_terlapor,
	.set_petugas = sq_kasus_set_petugas,
	.set_tautan = sq_kasus_set_tautan,
	.bukti_insert = sq_bukti_insert,
	.bukti_list = sq_bukti_list,
	.bukti_sha_list = sq_bukti_sha_list,
	.pesan_insert = sq_pesan_insert,
	.pesan_list = sq_pesan_list,
	.akses_insert = sq_akses_insert,
	.akses_list = sq_akses_list,
	.kunci_retire = sq_kunci_retire,
	.kunci_insert = sq_kunci_insert,
	.kunci_get = sq_kunci_get,
	.salt_get = sq_salt_get,
	.salt_put = sq_salt_put,
};
