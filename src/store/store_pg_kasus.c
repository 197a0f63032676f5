/* PostgreSQL: the neutrality case tables (migration 0004). */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_pg_int.h"

#define KASUS_COLS "k.id, k.nomor, k.receipt_hash, k.created_ms, k.updated_ms, k.konteks, k.tahap," \
	" k.tahap_sejak_ms, k.tenggat_hari, k.workflow_versi, k.instansi_id, k.pegawai_id," \
	" k.terlapor_nama, k.terlapor_nip, k.terlapor_jabatan, k.terlapor_instansi," \
	" k.pelanggaran_kode, k.pelanggaran_lain, k.kejadian_hari, k.kejadian_tempat, k.wilayah," \
	" k.penetapan_calon, k.kronologi, k.saksi, k.tautan, k.pelapor_mode, k.identitas_sealed," \
	" k.identitas_kunci_id, k.pelapor_nama, k.diketahui_hari, k.terlambat, k.kekurangan," \
	" k.petugas_id, k.sumber, coalesce(i.path, '')" \
	" FROM kasus k LEFT JOIN instansi i ON i.id = k.instansi_id"

static int one_row_or(struct store *s, PGresult *r, const char *what)
{
	if (PQntuples(r) == 1)
		return 0;
	PQclear(r);
	return store_fail(s, APP_EINTERNAL, "%s: no row returned", what);
}

static int pg_nomor_next(struct store *s, int year, int64_t *seq)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, year);
	int rc = pg_query(pg_downcast(s), "INSERT INTO kasus_nomor (tahun, terakhir) VALUES ($1, 1)"
			  " ON CONFLICT (tahun) DO UPDATE SET terakhir = kasus_nomor.terakhir + 1"
			  " RETURNING terakhir", &p, &r, "kasus number");
	if (rc || (rc = one_row_or(s, r, "kasus number")))
		return rc;
	*seq = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

static void pp_text_or_null(struct pg_params *p, const char *v)
{
	if (v && *v)
		pp_text(p, v);
	else
		pp_null(p);
}

static int pg_kasus_insert(struct store *s, struct kasus *k)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_text(&p, k->nomor);
	pp_text(&p, k->receipt_hash);
	pp_int(&p, k->created_ms);
	pp_int(&p, k->updated_ms);
	pp_text(&p, k->konteks);
	pp_text(&p, k->tahap);
	pp_int(&p, k->tahap_sejak_ms);
	pp_id(&p, k->tenggat_hari);
	pp_int(&p, k->workflow_versi);
	pp_id(&p, k->instansi_id);
	pp_id(&p, k->pegawai_id);
	pp_text(&p, k->terlapor_nama);
	pp_text(&p, k->terlapor_nip);
	pp_text(&p, k->terlapor_jabatan);
	pp_text(&p, k->terlapor_instansi);
	pp_text(&p, k->pelanggaran_kode);
	pp_text(&p, k->pelanggaran_lain);
	pp_int(&p, k->kejadian_hari);
	pp_text(&p, k->kejadian_tempat);
	pp_text(&p, k->wilayah);
	pp_text(&p, k->penetapan_calon);
	pp_text(&p, k->kronologi);
	pp_text(&p, k->saksi);
	pp_text(&p, k->tautan);
	pp_text(&p, k->pelapor_mode);
	pp_text_or_null(&p, k->identitas_sealed);
	pp_id(&p, k->identitas_kunci_id);
	pp_text(&p, k->pelapor_nama);
	pp_int(&p, k->diketahui_hari);
	pp_int(&p, k->terlambat ? 1 : 0);
	pp_text(&p, k->kekurangan);
	pp_id(&p, k->petugas_id);
	pp_text(&p, k->sumber[0] ? k->sumber : "web");
	int rc = pg_query(pg_downcast(s), "INSERT INTO kasus (nomor, receipt_hash, created_ms, updated_ms,"
			  " konteks, tahap, tahap_sejak_ms, tenggat_hari, workflow_versi, instansi_id, pegawai_id,"
			  " terlapor_nama, terlapor_nip, terlapor_jabatan, terlapor_instansi, pelanggaran_kode,"
			  " pelanggaran_lain, kejadian_hari, kejadian_tempat, wilayah, penetapan_calon, kronologi,"
			  " saksi, tautan, pelapor_mode, identitas_sealed, identitas_kunci_id, pelapor_nama,"
			  " diketahui_hari, terlambat, kekurangan, petugas_id, sumber) VALUES ($1, $2, $3, $4,"
			  " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,"
			  " $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33) RETURNING id",
			  &p, &r, "kasus insert");
	if (rc || (rc = one_row_or(s, r, "kasus insert")))
		return rc;
	k->id = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

static int read_kasus(struct store *s, PGresult *r, struct kasus *k)
{
	memset(k, 0, sizeof(*k));
	k->id = pg_int(r, 0, 0);
	k->created_ms = pg_int(r, 0, 3);
	k->updated_ms = pg_int(r, 0, 4);
	k->tahap_sejak_ms = pg_int(r, 0, 7);
	k->tenggat_hari = (int32_t)pg_int(r, 0, 8);
	k->workflow_versi = (int)pg_int(r, 0, 9);
	k->instansi_id = pg_int(r, 0, 10);
	k->pegawai_id = pg_int(r, 0, 11);
	k->kejadian_hari = (int32_t)pg_int(r, 0, 18);
	k->identitas_kunci_id = pg_int(r, 0, 27);
	k->diketahui_hari = (int32_t)pg_int(r, 0, 29);
	k->terlambat = (int)pg_int(r, 0, 30);
	k->petugas_id = pg_int(r, 0, 32);
	int rc = STORE_COPY(s, k->nomor, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(s, k->receipt_hash, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, k->konteks, pg_text(r, 0, 5));
	if (!rc) rc = STORE_COPY(s, k->tahap, pg_text(r, 0, 6));
	if (!rc) rc = STORE_COPY(s, k->terlapor_nama, pg_text(r, 0, 12));
	if (!rc) rc = STORE_COPY(s, k->terlapor_nip, pg_text(r, 0, 13));
	if (!rc) rc = STORE_COPY(s, k->terlapor_jabatan, pg_text(r, 0, 14));
	if (!rc) rc = STORE_COPY(s, k->terlapor_instansi, pg_text(r, 0, 15));
	if (!rc) rc = STORE_COPY(s, k->pelanggaran_kode, pg_text(r, 0, 16));
	if (!rc) rc = STORE_COPY(s, k->pelanggaran_lain, pg_text(r, 0, 17));
	if (!rc) rc = STORE_COPY(s, k->kejadian_tempat, pg_text(r, 0, 19));
	if (!rc) rc = STORE_COPY(s, k->wilayah, pg_text(r, 0, 20));
	if (!rc) rc = STORE_COPY(s, k->penetapan_calon, pg_text(r, 0, 21));
	if (!rc) rc = STORE_COPY(s, k->kronologi, pg_text(r, 0, 22));
	if (!rc) rc = STORE_COPY(s, k->saksi, pg_text(r, 0, 23));
	if (!rc) rc = STORE_COPY(s, k->tautan, pg_text(r, 0, 24));
	if (!rc) rc = STORE_COPY(s, k->pelapor_mode, pg_text(r, 0, 25));
	if (!rc) rc = STORE_COPY(s, k->identitas_sealed, pg_text(r, 0, 26));
	if (!rc) rc = STORE_COPY(s, k->pelapor_nama, pg_text(r, 0, 28));
	if (!rc) rc = STORE_COPY(s, k->kekurangan, pg_text(r, 0, 31));
	if (!rc) rc = STORE_COPY(s, k->sumber, pg_text(r, 0, 33));
	if (!rc) rc = STORE_COPY(s, k->instansi_path, pg_text(r, 0, 34));
	return rc;
}

static int pg_kasus_get(struct store *s, const char *by, int64_t id_val, const char *text_val,
			struct kasus *out)
{
	struct pg_params p = { 0 };
	PGresult *r;
	const char *sql;
	if (!strcmp(by, "id")) {
		sql = "SELECT " KASUS_COLS " WHERE k.id = $1";
		pp_int(&p, id_val);
	} else {
		sql = !strcmp(by, "nomor") ? "SELECT " KASUS_COLS " WHERE k.nomor = $1"
					   : "SELECT " KASUS_COLS " WHERE k.receipt_hash = $1";
		pp_text(&p, text_val ? text_val : "");
	}
	int rc = pg_query(pg_downcast(s), sql, &p, &r, "kasus");
	if (rc)
		return rc;
	if (PQntuples(r) == 1)
		rc = read_kasus(s, r, out);
	else
		rc = store_fail(s, APP_ENOTFOUND, "no such case");
	PQclear(r);
	return rc;
}

static int one_changed(struct store *s, int rc, int64_t n)
{
	if (rc)
		return rc;
	return n == 1 ? 0 : store_fail(s, APP_ENOTFOUND, "no such case");
}

static int pg_kasus_set_tahap(struct store *s, const struct kasus *k, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, k->id);
	pp_text(&p, k->tahap);
	pp_int(&p, k->tahap_sejak_ms);
	pp_id(&p, k->tenggat_hari);
	pp_int(&p, k->workflow_versi);
	pp_text(&p, k->kekurangan);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE kasus SET tahap = $2, tahap_sejak_ms = $3,"
			    " tenggat_hari = $4, workflow_versi = $5, kekurangan = $6, updated_ms = $7"
			    " WHERE id = $1", &p, &n, "kasus set tahap");
	return one_changed(s, rc, n);
}

static int pg_kasus_set_terlapor(struct store *s, const struct kasus *k, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, k->id);
	pp_text(&p, k->terlapor_nama);
	pp_text(&p, k->terlapor_nip);
	pp_text(&p, k->terlapor_jabatan);
	pp_text(&p, k->terlapor_instansi);
	pp_id(&p, k->pegawai_id);
	pp_id(&p, k->instansi_id);
	pp_text(&p, k->kekurangan);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE kasus SET terlapor_nama = $2, terlapor_nip = $3,"
			    " terlapor_jabatan = $4, terlapor_instansi = $5, pegawai_id = $6, instansi_id = $7,"
			    " kekurangan = $8, updated_ms = $9 WHERE id = $1", &p, &n, "kasus set terlapor");
	return one_changed(s, rc, n);
}

static int pg_kasus_set_tautan(struct store *s, const struct kasus *k, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, k->id);
	pp_text(&p, k->tautan);
	pp_text(&p, k->kekurangan);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE kasus SET tautan = $2, kekurangan = $3, updated_ms = $4"
			    " WHERE id = $1", &p, &n, "kasus set tautan");
	return one_changed(s, rc, n);
}

static int pg_kasus_set_petugas(struct store *s, int64_t id, int64_t petugas_id, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, id);
	pp_id(&p, petugas_id);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE kasus SET petugas_id = $2, updated_ms = $3 WHERE id = $1",
			    &p, &n, "kasus set petugas");
	return one_changed(s, rc, n);
}

static int insert_returning(struct store *s, const char *sql, const struct pg_params *p,
			    int64_t *id, const char *what)
{
	PGresult *r;
	int rc = pg_query(pg_downcast(s), sql, p, &r, what);
	if (rc || (rc = one_row_or(s, r, what)))
		return rc;
	*id = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

static int pg_bukti_insert(struct store *s, struct kasus_bukti *b)
{
	struct pg_params p = { 0 };
	pp_int(&p, b->kasus_id);
	pp_text(&p, b->sha256);
	pp_text(&p, b->mime);
	pp_int(&p, b->ukuran);
	pp_text(&p, b->nama_berkas);
	pp_int(&p, b->metadata_dihapus ? 1 : 0);
	pp_text(&p, b->oleh);
	pp_id(&p, b->user_id);
	pp_int(&p, b->created_ms);
	return insert_returning(s, "INSERT INTO kasus_bukti (kasus_id, sha256, mime, ukuran, nama_berkas,"
				" metadata_dihapus, oleh, user_id, created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7,"
				" $8, $9) RETURNING id", &p, &b->id, "kasus bukti insert");
}

static int pg_bukti_list(struct store *s, int64_t kasus_id, int64_t only_id,
			 struct kasus_bukti *out, size_t max, size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, kasus_id);
	pp_int(&p, only_id);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "SELECT id, kasus_id, sha256, mime, ukuran, nama_berkas,"
			  " metadata_dihapus, oleh, user_id, created_ms FROM kasus_bukti WHERE kasus_id = $1"
			  " AND ($2 = 0 OR id = $2) ORDER BY created_ms, id LIMIT $3", &p, &r, "kasus bukti");
	if (rc)
		return rc;
	*n = 0;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && (size_t)i < max && !rc; i++) {
		struct kasus_bukti *b = &out[i];
		memset(b, 0, sizeof(*b));
		b->id = pg_int(r, i, 0);
		b->kasus_id = pg_int(r, i, 1);
		b->ukuran = pg_int(r, i, 4);
		b->metadata_dihapus = (int)pg_int(r, i, 6);
		b->user_id = pg_int(r, i, 8);
		b->created_ms = pg_int(r, i, 9);
		rc = STORE_COPY(s, b->sha256, pg_text(r, i, 2));
		if (!rc) rc = STORE_COPY(s, b->mime, pg_text(r, i, 3));
		if (!rc) rc = STORE_COPY(s, b->nama_berkas, pg_text(r, i, 5));
		if (!rc) rc = STORE_COPY(s, b->oleh, pg_text(r, i, 7));
		if (!rc)
			(*n)++;
	}
	PQclear(r);
	return rc;
}

static int pg_pesan_insert(struct store *s, struct kasus_pesan *m)
{
	struct pg_params p = { 0 };
	pp_int(&p, m->kasus_id);
	pp_int(&p, m->created_ms);
	pp_text(&p, m->dari);
	pp_id(&p, m->user_id);
	pp_text(&p, m->petugas_nama);
	pp_text(&p, m->isi);
	return insert_returning(s, "INSERT INTO kasus_pesan (kasus_id, created_ms, dari, user_id,"
				" petugas_nama, isi) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", &p, &m->id,
				"kasus pesan insert");
}

static int pg_pesan_list(struct store *s, int64_t kasus_id, struct kasus_pesan *out, size_t max,
			 size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, kasus_id);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "SELECT id, kasus_id, created_ms, dari, user_id, petugas_nama, isi"
			  " FROM kasus_pesan WHERE kasus_id = $1 ORDER BY created_ms, id LIMIT $2", &p, &r,
			  "kasus pesan");
	if (rc)
		return rc;
	*n = 0;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && (size_t)i < max && !rc; i++) {
		struct kasus_pesan *m = &out[i];
		memset(m, 0, sizeof(*m));
		m->id = pg_int(r, i, 0);
		m->kasus_id = pg_int(r, i, 1);
		m->created_ms = pg_int(r, i, 2);
		m->user_id = pg_int(r, i, 4);
		rc = STORE_COPY(s, m->dari, pg_text(r, i, 3));
		if (!rc) rc = STORE_COPY(s, m->petugas_nama, pg_text(r, i, 5));
		if (!rc) rc = STORE_COPY(s, m->isi, pg_text(r, i, 6));
		if (!rc)
			(*n)++;
	}
	PQclear(r);
	return rc;
}

static int pg_akses_insert(struct store *s, struct kasus_identitas_akses *a)
{
	struct pg_params p = { 0 };
	pp_int(&p, a->kasus_id);
	pp_int(&p, a->user_id);
	pp_text(&p, a->petugas_nama);
	pp_text(&p, a->alasan);
	pp_int(&p, a->created_ms);
	return insert_returning(s, "INSERT INTO kasus_identitas_akses (kasus_id, user_id, petugas_nama,"
				" alasan, created_ms) VALUES ($1, $2, $3, $4, $5) RETURNING id", &p, &a->id,
				"identity opening insert");
}

static int pg_akses_list(struct store *s, int64_t kasus_id, struct kasus_identitas_akses *out,
			 size_t max, size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, kasus_id);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "SELECT id, kasus_id, user_id, petugas_nama, alasan, created_ms"
			  " FROM kasus_identitas_akses WHERE kasus_id = $1 ORDER BY created_ms, id LIMIT $2",
			  &p, &r, "identity openings");
	if (rc)
		return rc;
	*n = 0;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && (size_t)i < max && !rc; i++) {
		struct kasus_identitas_akses *a = &out[i];
		memset(a, 0, sizeof(*a));
		a->id = pg_int(r, i, 0);
		a->kasus_id = pg_int(r, i, 1);
		a->user_id = pg_int(r, i, 2);
		a->created_ms = pg_int(r, i, 5);
		rc = STORE_COPY(s, a->petugas_nama, pg_text(r, i, 3));
		if (!rc) rc = STORE_COPY(s, a->alasan, pg_text(r, i, 4));
		if (!rc)
			(*n)++;
	}
	PQclear(r);
	return rc;
}

static int pg_kunci_retire(struct store *s, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, now_ms);
	return pg_command(pg_downcast(s), "UPDATE kunci_pengawas SET retired_ms = greatest($1::bigint,"
			  " created_ms) WHERE retired_ms IS NULL", &p, &n, "oversight key retire");
}

static int pg_kunci_insert(struct store *s, struct kunci_pengawas *k)
{
	struct pg_params p = { 0 };
	pp_text(&p, k->public_hex);
	pp_text(&p, k->secret_box_hex);
	pp_text(&p, k->nonce_hex);
	pp_text(&p, k->kdf_salt_hex);
	pp_int(&p, k->kdf_ops);
	pp_int(&p, k->kdf_mem);
	pp_int(&p, k->created_ms);
	return insert_returning(s, "INSERT INTO kunci_pengawas (public_hex, secret_box_hex, nonce_hex,"
				" kdf_salt_hex, kdf_ops, kdf_mem, created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)"
				" RETURNING id", &p, &k->id, "oversight key insert");
}

static int pg_kunci_get(struct store *s, int64_t id, struct kunci_pengawas *out)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, id);
	int rc = pg_query(pg_downcast(s), "SELECT id, public_hex, secret_box_hex, nonce_hex, kdf_salt_hex,"
			  " kdf_ops, kdf_mem, created_ms, retired_ms FROM kunci_pengawas"
			  " WHERE ($1 = 0 AND retired_ms IS NULL) OR id = $1", &p, &r, "oversight key");
	if (rc)
		return rc;
	if (PQntuples(r) == 1) {
		memset(out, 0, sizeof(*out));
		out->id = pg_int(r, 0, 0);
		out->kdf_ops = pg_int(r, 0, 5);
		out->kdf_mem = pg_int(r, 0, 6);
		out->created_ms = pg_int(r, 0, 7);
		out->retired_ms = pg_int(r, 0, 8);
		rc = STORE_COPY(s, out->public_hex, pg_text(r, 0, 1));
		if (!rc) rc = STORE_COPY(s, out->secret_box_hex, pg_text(r, 0, 2));
		if (!rc) rc = STORE_COPY(s, out->nonce_hex, pg_text(r, 0, 3));
		if (!rc) rc = STORE_COPY(s, out->kdf_salt_hex, pg_text(r, 0, 4));
	} else {
		rc = store_fail(s, APP_ENOTFOUND, "no oversight key");
	}
	PQclear(r);
	return rc;
}

static int pg_salt_get(struct store *s, char out[33])
{
	PGresult *r;
	int rc = pg_query(pg_downcast(s), "SELECT receipt_salt_hex FROM laporan_instalasi WHERE id = 1",
			  NULL, &r, "receipt salt");
	if (rc)
		return rc;
	if (PQntuples(r) == 1)
		rc = store_copy(s, out, 33, pg_text(r, 0, 0), "receipt salt");
	else
		rc = store_fail(s, APP_ENOTFOUND, "no receipt salt yet");
	PQclear(r);
	return rc;
}

static int pg_salt_put(struct store *s, const char *salt_hex, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_text(&p, salt_hex);
	pp_int(&p, now_ms);
	return pg_command(pg_downcast(s), "INSERT INTO laporan_instalasi (id, receipt_salt_hex, created_ms)"
			  " VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING", &p, &n, "receipt salt");
}

struct sha_walk {
	int (*cb)(void *, const char *);
	void *ctx;
};

static int sha_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct sha_walk *w = arg;
	int rc = w->cb(w->ctx, pg_text(r, 0, 0));
	if (rc)
		q->base.stopped = 1;
	return rc;
}

static int pg_bukti_sha_list(struct store *s, int (*cb)(void *, const char *), void *ctx)
{
	struct pg_params p = { 0 };
	struct sha_walk w = { cb, ctx };
	return pg_stream(pg_downcast(s), "SELECT DISTINCT sha256 FROM kasus_bukti ORDER BY sha256", &p,
			 sha_row, &w, "kasus bukti sha");
}

const struct store_kasus_ops store_pg_kasus_ops = {
	.nomor_next = pg_nomor_next,
	.insert = pg_kasus_insert,
	.get = pg_kasus_get,
	.set_tahap = pg_kasus_set_tahap,
	.set_terlapor = pg_kasus_set_terlapor,
	.set_petugas = pg_kasus_set_petugas,
	.set_tautan = pg_kasus_set_tautan,
	.bukti_insert = pg_bukti_insert,
	.bukti_list = pg_bukti_list,
	.bukti_sha_list = pg_bukti_sha_list,
	.pesan_insert = pg_pesan_insert,
	.pesan_list = pg_pesan_list,
	.akses_insert = pg_akses_insert,
	.akses_list = pg_akses_list,
	.kunci_retire = pg_kunci_retire,
	.kunci_insert = pg_kunci_insert,
	.kunci_get = pg_kunci_get,
	.salt_get = pg_salt_get,
	.salt_put = pg_salt_put,
};
