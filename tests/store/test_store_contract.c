/* The storage contract (src/store/store.h), checked the same way on every
 * backend: tests/store/run.sh runs this binary once with STORE_URL a fresh
 * SQLite file and once with a throw-away PostgreSQL 15 database.
 * STORE_URL_EMPTY, when set, names a second database that stays unmigrated.
 * The tests share one migrated database and use their own kode/NIP ranges,
 * so they do not depend on each other's rows. */
#include "core/compat.h"
#include "app/audit.h"
#include "core/err.h"
#include "crypto/hash_chain.h"
#include "store/store.h"
#include "store/store_integrity.h"
#include <pthread.h>
#include <unistd.h>
#include "store_suite.h"

/* ---- helpers ---- */

static int64_t put_instansi(const char *kode, enum instansi_jenis jenis, int64_t parent,
			    char path_out[256])
{
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "%s", kode);
	snprintf(in.nama, sizeof(in.nama), "Instansi %s", kode);
	in.jenis = jenis;
	in.parent_id = parent;
	int rc = store_instansi_put(S, &in);
	if (rc)
		print_error("instansi_put %s: %d %s\n", kode, rc, store_last_error(S));
	assert_int_eq(rc, 0);
	assert_true(in.id > 0);
	if (path_out)
		snprintf(path_out, 256, "%s", in.path);
	return in.id;
}

static void fill_pegawai(struct pegawai *p, const char *nip, const char *nama, int64_t instansi,
			 int64_t unit, const char *gol)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->nip, sizeof(p->nip), "%s", nip);
	snprintf(p->nama, sizeof(p->nama), "%s", nama);
	snprintf(p->jenis_asn, sizeof(p->jenis_asn), "PNS");
	snprintf(p->golongan, sizeof(p->golongan), "%s", gol);
	snprintf(p->jenis_jabatan, sizeof(p->jenis_jabatan), "pelaksana");
	snprintf(p->jabatan, sizeof(p->jabatan), "Pengadministrasi Umum");
	snprintf(p->status, sizeof(p->status), "aktif");
	p->instansi_id = instansi;
	p->unit_id = unit;
}

struct collect {
	int n;
	char keys[64][64];
	int64_t ids[64];
};

static int collect_instansi(void *ctx, const struct instansi *in)
{
	struct collect *c = ctx;
	if (c->n < 64) {
		snprintf(c->keys[c->n], 64, "%s", in->kode);
		c->ids[c->n] = in->id;
	}
	c->n++;
	return 0;
}

static int collect_pegawai(void *ctx, const struct pegawai *p)
{
	struct collect *c = ctx;
	if (c->n < 64) {
		snprintf(c->keys[c->n], 64, "%s", p->nip);
		c->ids[c->n] = p->id;
	}
	c->n++;
	return 0;
}

static int collect_user(void *ctx, const struct user *u)
{
	struct collect *c = ctx;
	if (c->n < 64)
		snprintf(c->keys[c->n], 64, "%s", u->username);
	c->n++;
	return 0;
}

static int collect_unit(void *ctx, const struct unit_kerja *u)
{
	struct collect *c = ctx;
	if (c->n < 64)
		snprintf(c->keys[c->n], 64, "%s", u->kode);
	c->n++;
	return 0;
}

static int has_key(const struct collect *c, const char *k)
{
	for (int i = 0; i < c->n && i < 64; i++)
		if (!strcmp(c->keys[i], k))
			return 1;
	return 0;
}

/* ---- schema ---- */

static void schema_unmigrated_and_current(void **state)
{
	(void)state;
	const char *empty_url = getenv("STORE_URL_EMPTY");
	struct store *e;
	assert_int_eq(store_open(empty_url && *empty_url ? empty_url : "sqlite::memory:", &e), 0);
	int cur = -1, latest = -1;
	assert_int_eq(store_schema_version(e, &cur, &latest), 0);
	assert_int_eq(cur, 0);
	assert_true(latest >= 1);
	assert_int_eq(store_schema_check(e), APP_ESCHEMA);
	store_close(e);

	assert_int_eq(store_schema_check(S), 0);
	int from, to;
	assert_int_eq(store_migrate(S, &from, &to), 0);
	assert_int_eq(from, to);
	assert_int_eq(store_schema_version(S, &cur, &latest), 0);
	assert_int_eq(cur, latest);
	const char *name = store_backend_name(S);
	assert_str_eq(name, strncmp(suite_url, "sqlite:", 7) ? "postgresql" : "sqlite");
}

static void open_rejects_unknown_scheme(void **state)
{
	(void)state;
	struct store *x = (struct store *)1;
	assert_int_eq(store_open("mysql://x", &x), APP_EINVAL);
	assert_null(x);
}

/* ---- transactions ---- */

static void write_outside_tx_refused(void **state)
{
	(void)state;
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "NOTX");
	snprintf(in.nama, sizeof(in.nama), "x");
	in.jenis = INSTANSI_NASIONAL;
	assert_int_eq(store_instansi_put(S, &in), APP_EINTERNAL);
	assert_int_eq(store_tx_begin(S, STORE_TX_READ), 0);
	assert_int_eq(store_instansi_put(S, &in), APP_EINTERNAL);
	struct session se = { 0 };
	assert_int_eq(store_session_insert(S, &se), APP_EINTERNAL);
	assert_int_eq(store_audit_insert(S, &(struct audit_rec){ .seq = 1 }), APP_EINTERNAL);
	/* nested transactions are a bug */
	assert_int_eq(store_tx_begin(S, STORE_TX_WRITE), APP_EINTERNAL);
	store_tx_rollback(S);
	assert_int_eq(store_instansi_get_by_kode(S, "NOTX", &in), APP_ENOTFOUND);
	assert_int_eq(store_tx_commit(S), APP_EINTERNAL);
}

static void rollback_leaves_nothing(void **state)
{
	(void)state;
	struct instansi in;
	BEGIN_W();
	int64_t id = put_instansi("RB-ROOT", INSTANSI_NASIONAL, 0, NULL);
	struct user u = { 0 };
	snprintf(u.username, sizeof(u.username), "rb-user");
	snprintf(u.role, sizeof(u.role), "admin");
	u.instansi_id = id;
	assert_int_eq(store_user_insert(S, &u), 0);
	store_tx_rollback(S);
	assert_int_eq(store_instansi_get_by_kode(S, "RB-ROOT", &in), APP_ENOTFOUND);
	assert_int_eq(store_instansi_get(S, id, &in), APP_ENOTFOUND);
	struct user got;
	assert_int_eq(store_user_get_by_username(S, "rb-user", &got), APP_ENOTFOUND);
}

/* After a failed statement the transaction is unusable on every backend
 * (PostgreSQL's rule), and commit rolls back. */
static void failed_statement_poisons_tx(void **state)
{
	(void)state;
	struct instansi in;
	BEGIN_W();
	int64_t root = put_instansi("PO-ROOT", INSTANSI_NASIONAL, 0, NULL);
	COMMIT();
	BEGIN_W();
	put_instansi("PO-A", INSTANSI_PROVINSI, root, NULL);
	struct unit_kerja u = { .instansi_id = 999999999 };
	snprintf(u.kode, sizeof(u.kode), "U");
	snprintf(u.nama, sizeof(u.nama), "U");
	assert_int_eq(store_unit_put(S, &u), APP_ECONSTRAINT);
	assert_int_eq(store_instansi_get(S, root, &in), APP_EINTERNAL);
	assert_int_eq(store_tx_commit(S), APP_ECONSTRAINT);
	assert_int_eq(store_instansi_get_by_kode(S, "PO-A", &in), APP_ENOTFOUND);
	/* the connection is usable again */
	assert_int_eq(store_instansi_get(S, root, &in), 0);
}

/* ---- instansi ---- */

static void instansi_tree_and_scope(void **state)
{
	(void)state;
	char proot[256], pp1[256], pp2[256], pk1[256], pk2[256];
	BEGIN_W();
	int64_t root = put_instansi("IT-NAS", INSTANSI_NASIONAL, 0, proot);
	int64_t p1 = put_instansi("IT-P1", INSTANSI_PROVINSI, root, pp1);
	int64_t p2 = put_instansi("IT-P2", INSTANSI_PROVINSI, root, pp2);
	int64_t k1 = put_instansi("IT-K1", INSTANSI_KABKOTA, p1, pk1);
	int64_t k2 = put_instansi("IT-K2", INSTANSI_KABKOTA, p2, pk2);
	COMMIT();

	char want[600];
	snprintf(want, sizeof(want), "/%" PRId64 "/", root);
	assert_str_eq(proot, want);
	snprintf(want, sizeof(want), "/%" PRId64 "/%" PRId64 "/%" PRId64 "/", root, p1, k1);
	assert_str_eq(pk1, want);

	struct instansi in;
	assert_int_eq(store_instansi_get(S, k1, &in), 0);
	assert_str_eq(in.kode, "IT-K1");
	assert_str_eq(in.nama, "Instansi IT-K1");
	assert_int_eq(in.jenis, INSTANSI_KABKOTA);
	assert_int_eq(in.parent_id, p1);
	assert_str_eq(in.path, pk1);
	assert_int_eq(store_instansi_get_by_kode(S, "IT-P2", &in), 0);
	assert_int_eq(in.id, p2);
	assert_int_eq(in.parent_id, root);
	assert_int_eq(store_instansi_get(S, 987654321, &in), APP_ENOTFOUND);
	assert_int_eq(store_instansi_get_by_kode(S, "IT-NONE", &in), APP_ENOTFOUND);

	/* a kab/kota sees itself only, a province its subtree, never a sibling */
	struct collect c = { 0 };
	assert_int_eq(store_instansi_list(S, pk1, collect_instansi, &c), 0);
	assert_int_eq(c.n, 1);
	assert_str_eq(c.keys[0], "IT-K1");
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_instansi_list(S, pp1, collect_instansi, &c), 0);
	assert_int_eq(c.n, 2);
	assert_str_eq(c.keys[0], "IT-P1");
	assert_str_eq(c.keys[1], "IT-K1");
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_instansi_list(S, proot, collect_instansi, &c), 0);
	assert_int_eq(c.n, 5);
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_instansi_list(S, "/", collect_instansi, &c), 0);
	assert_true(c.n >= 5 && has_key(&c, "IT-K2"));
	assert_int_eq(store_instansi_list(S, "1/", collect_instansi, &c), APP_EINVAL);
	assert_int_eq(store_instansi_list(S, "/1", collect_instansi, &c), APP_EINVAL);
	assert_int_eq(store_instansi_list(S, "/1/x/", collect_instansi, &c), APP_EINVAL);

	/* put by kode updates in place; a move rewrites the subtree's paths */
	BEGIN_W();
	assert_int_eq(put_instansi("IT-P1", INSTANSI_PROVINSI, p2, NULL), p1);
	COMMIT();
	assert_int_eq(store_instansi_get(S, k1, &in), 0);
	snprintf(want, sizeof(want), "%s%" PRId64 "/%" PRId64 "/", pp2, p1, k1);
	assert_str_eq(in.path, want);
	assert_int_eq(store_instansi_get(S, k2, &in), 0);
	assert_str_eq(in.path, pk2);

	/* cycles and unknown parents are constraint errors */
	struct instansi bad = { 0 };
	snprintf(bad.kode, sizeof(bad.kode), "IT-P2");
	snprintf(bad.nama, sizeof(bad.nama), "x");
	bad.jenis = INSTANSI_PROVINSI;
	bad.parent_id = k1;
	BEGIN_W();
	assert_int_eq(store_instansi_put(S, &bad), APP_ECONSTRAINT);
	store_tx_rollback(S);
	snprintf(bad.kode, sizeof(bad.kode), "IT-ORPHAN");
	bad.parent_id = 99999999;
	BEGIN_W();
	assert_int_eq(store_instansi_put(S, &bad), APP_ECONSTRAINT);
	store_tx_rollback(S);
	/* CHECK: jenis out of range, empty nama */
	snprintf(bad.kode, sizeof(bad.kode), "IT-BADJ");
	bad.parent_id = root;
	bad.jenis = 9;
	BEGIN_W();
	assert_int_eq(store_instansi_put(S, &bad), APP_ECONSTRAINT);
	store_tx_rollback(S);
}

/* ---- unit kerja ---- */

static void unit_crud(void **state)
{
	(void)state;
	BEGIN_W();
	int64_t root = put_instansi("UK-NAS", INSTANSI_NASIONAL, 0, NULL);
	int64_t other = put_instansi("UK-OTHER", INSTANSI_KL, root, NULL);
	struct unit_kerja u = { .instansi_id = root };
	snprintf(u.kode, sizeof(u.kode), "B02");
	snprintf(u.nama, sizeof(u.nama), "Biro Kepegawaian");
	assert_int_eq(store_unit_put(S, &u), 0);
	int64_t id = u.id;
	assert_true(id > 0);
	snprintf(u.nama, sizeof(u.nama), "Biro SDM");
	assert_int_eq(store_unit_put(S, &u), 0);
	assert_int_eq(u.id, id);
	struct unit_kerja a = { .instansi_id = root };
	snprintf(a.kode, sizeof(a.kode), "A01");
	snprintf(a.nama, sizeof(a.nama), "Biro Umum");
	assert_int_eq(store_unit_put(S, &a), 0);
	struct unit_kerja o = { .instansi_id = other };
	snprintf(o.kode, sizeof(o.kode), "B02");
	snprintf(o.nama, sizeof(o.nama), "Same code elsewhere");
	assert_int_eq(store_unit_put(S, &o), 0);
	assert_true(o.id != id);
	COMMIT();

	struct unit_kerja got;
	assert_int_eq(store_unit_get(S, id, &got), 0);
	assert_str_eq(got.nama, "Biro SDM");
	assert_int_eq(got.instansi_id, root);
	assert_int_eq(store_unit_get_by_kode(S, root, "B02", &got), 0);
	assert_int_eq(got.id, id);
	assert_int_eq(store_unit_get_by_kode(S, root, "Z99", &got), APP_ENOTFOUND);
	assert_int_eq(store_unit_get(S, 88888888, &got), APP_ENOTFOUND);
	struct collect c = { 0 };
	assert_int_eq(store_unit_list(S, root, collect_unit, &c), 0);
	assert_int_eq(c.n, 2);
	assert_str_eq(c.keys[0], "A01");
	assert_str_eq(c.keys[1], "B02");
}

/* ---- pegawai ---- */

struct reg {
	int64_t nas, p1, k1, k2, u1, u_k2;
	char pk1[256], pk2[256], pp1[256];
};

static void registry(struct reg *r, const char *prefix)
{
	char pn[256], k[32];
	BEGIN_W();
	snprintf(k, sizeof(k), "%s-NAS", prefix);
	r->nas = put_instansi(k, INSTANSI_NASIONAL, 0, pn);
	snprintf(k, sizeof(k), "%s-P1", prefix);
	r->p1 = put_instansi(k, INSTANSI_PROVINSI, r->nas, r->pp1);
	snprintf(k, sizeof(k), "%s-K1", prefix);
	r->k1 = put_instansi(k, INSTANSI_KABKOTA, r->p1, r->pk1);
	snprintf(k, sizeof(k), "%s-K2", prefix);
	r->k2 = put_instansi(k, INSTANSI_KABKOTA, r->p1, r->pk2);
	struct unit_kerja u = { .instansi_id = r->k1 };
	snprintf(u.kode, sizeof(u.kode), "U1");
	snprintf(u.nama, sizeof(u.nama), "Dinas Pendidikan");
	assert_int_eq(store_unit_put(S, &u), 0);
	r->u1 = u.id;
	u.instansi_id = r->k2;
	u.id = 0;
	assert_int_eq(store_unit_put(S, &u), 0);
	r->u_k2 = u.id;
	COMMIT();
}

static void pegawai_upsert_and_get(void **state)
{
	(void)state;
	struct reg r;
	struct pegawai p, got;
	int changed = -1;
	registry(&r, "PA");
	fill_pegawai(&p, "198001012005011001", "Budi Santoso", r.k1, r.u1, "III/a");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
	COMMIT();
	assert_int_eq(changed, 1);
	int64_t id = p.id;
	assert_true(id > 0);

	/* the same record again changes nothing */
	BEGIN_W();
	p.id = 0;
	assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
	COMMIT();
	assert_int_eq(changed, 0);
	assert_int_eq(p.id, id);

	/* one field differs */
	snprintf(p.golongan, sizeof(p.golongan), "III/b");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
	COMMIT();
	assert_int_eq(changed, 1);
	assert_int_eq(p.id, id);

	assert_int_eq(store_pegawai_get(S, id, &got), 0);
	assert_str_eq(got.nip, "198001012005011001");
	assert_str_eq(got.nama, "Budi Santoso");
	assert_str_eq(got.jenis_asn, "PNS");
	assert_str_eq(got.golongan, "III/b");
	assert_str_eq(got.jenis_jabatan, "pelaksana");
	assert_str_eq(got.jenjang, "");
	assert_str_eq(got.jabatan, "Pengadministrasi Umum");
	assert_int_eq(got.instansi_id, r.k1);
	assert_int_eq(got.unit_id, r.u1);
	assert_str_eq(got.status, "aktif");
	assert_int_eq(got.blokir, 0);
	assert_true(got.updated_ms > 0);
	assert_str_eq(got.instansi_path, r.pk1);
	assert_int_eq(store_pegawai_get_by_nip(S, "198001012005011001", &got), 0);
	assert_int_eq(got.id, id);
	assert_int_eq(store_pegawai_get_by_nip(S, "199901012020011001", &got), APP_ENOTFOUND);
	assert_int_eq(store_pegawai_get(S, 77777777, &got), APP_ENOTFOUND);

	/* blokir: set, survives a re-import, cleared with "" */
	BEGIN_W();
	assert_int_eq(store_pegawai_set_blokir(S, id, 1, "data sedang diperiksa"), 0);
	COMMIT();
	assert_int_eq(store_pegawai_get(S, id, &got), 0);
	assert_int_eq(got.blokir, 1);
	assert_str_eq(got.blokir_alasan, "data sedang diperiksa");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
	COMMIT();
	assert_int_eq(changed, 0);
	assert_int_eq(store_pegawai_get(S, id, &got), 0);
	assert_int_eq(got.blokir, 1);
	BEGIN_W();
	assert_int_eq(store_pegawai_set_blokir(S, id, 0, "ignored"), 0);
	assert_int_eq(store_pegawai_set_blokir(S, 77777777, 1, "x"), APP_ENOTFOUND);
	COMMIT();
	assert_int_eq(store_pegawai_get(S, id, &got), 0);
	assert_int_eq(got.blokir, 0);
	assert_str_eq(got.blokir_alasan, "");

	/* constraints: a unit of another instansi, a malformed NIP, a bad status */
	struct pegawai bad;
	fill_pegawai(&bad, "198001012005011002", "X", r.k1, r.u_k2, "III/a");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &bad, &changed), APP_ECONSTRAINT);
	store_tx_rollback(S);
	fill_pegawai(&bad, "19800101200501100X", "X", r.k1, 0, "III/a");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &bad, &changed), APP_ECONSTRAINT);
	store_tx_rollback(S);
	fill_pegawai(&bad, "198001012005011003", "X", r.k1, 0, "III/a");
	snprintf(bad.status, sizeof(bad.status), "cuti");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &bad, &changed), APP_ECONSTRAINT);
	store_tx_rollback(S);
	fill_pegawai(&bad, "198001012005011004", "X", 55555555, 0, "III/a");
	BEGIN_W();
	assert_int_eq(store_pegawai_upsert(S, &bad, &changed), APP_ECONSTRAINT);
	store_tx_rollback(S);
}

/* store_pegawai_insert adds a new NIP and leaves an existing one alone; the
 * enumerated columns keep their constraints (0009 respelled them). */
static void pegawai_insert_new_only(void **state)
{
	(void)state;
	struct reg r;
	struct pegawai p, got;
	int inserted = -1;
	registry(&r, "PI");
	fill_pegawai(&p, "198002012005011001", "Ani", r.k1, r.u1, "III/a");
	BEGIN_W();
	assert_int_eq(store_pegawai_insert(S, &p, &inserted), 0);
	COMMIT();
	assert_int_eq(inserted, 1);
	int64_t id = p.id;
	assert_true(id > 0);
	assert_int_eq(store_pegawai_get(S, id, &got), 0);
	assert_str_eq(got.nama, "Ani");
	assert_true(got.updated_ms > 0);

	snprintf(p.nama, sizeof(p.nama), "Ani Lain");
	p.id = 0;
	BEGIN_W();
	assert_int_eq(store_pegawai_insert(S, &p, &inserted), 0);
	COMMIT();
	assert_int_eq(inserted, 0);
	assert_int_eq(p.id, 0);
	assert_int_eq(store_pegawai_get(S, id, &got), 0);
	assert_str_eq(got.nama, "Ani"); /* untouched */

	static const struct { const char *field, *value; } bad[] = {
		{ "jenis_asn", "PNSX" }, { "jenis_asn", "pns" }, { "jenis_asn", "" },
		{ "jenis_jabatan", "menteri" }, { "jenis_jabatan", "Pelaksana" },
		{ "status", "cuti" }, { "status", "" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct pegawai b;
		fill_pegawai(&b, "198002012005011002", "X", r.k1, 0, "III/a");
		char *dst = !strcmp(bad[i].field, "jenis_asn") ? b.jenis_asn
			    : !strcmp(bad[i].field, "status") ? b.status : b.jenis_jabatan;
		size_t cap = !strcmp(bad[i].field, "jenis_asn") ? sizeof(b.jenis_asn)
			     : !strcmp(bad[i].field, "status") ? sizeof(b.status)
							       : sizeof(b.jenis_jabatan);
		snprintf(dst, cap, "%s", bad[i].value);
		BEGIN_W();
		assert_int_eq(store_pegawai_insert(S, &b, &inserted), APP_ECONSTRAINT);
		store_tx_rollback(S);
	}
	/* a NIP that is not 18 ASCII digits: one short, a letter, a blank or a
	 * sign in front (SQLite's CAST would skip those), a decimal point */
	static const char *const bad_nip[] = { "19800201200501100", "1980020120050110x2",
		" 98002012005011002", "+98002012005011002", "-98002012005011002",
		"19800201200501100 ", "1.8002012005011002" };
	for (size_t i = 0; i < ARRAY_SIZE(bad_nip); i++) {
		struct pegawai b;
		fill_pegawai(&b, "198002012005011002", "X", r.k1, 0, "III/a");
		snprintf(b.nip, sizeof(b.nip), "%s", bad_nip[i]);
		BEGIN_W();
		assert_int_eq(store_pegawai_insert(S, &b, &inserted), APP_ECONSTRAINT);
		store_tx_rollback(S);
	}
	/* every allowed value is accepted */
	static const char *const ok_jab[] = { "", "jpt_utama", "jpt_madya", "jpt_pratama",
		"administrator", "pengawas", "fungsional", "pelaksana" };
	static const char *const ok_status[] = { "aktif", "pensiun", "diberhentikan" };
	BEGIN_W();
	for (size_t i = 0; i < ARRAY_SIZE(ok_jab); i++) {
		struct pegawai b;
		char nip[19];
		snprintf(nip, sizeof(nip), "1980020120050110%02zu", i + 10);
		fill_pegawai(&b, nip, "Y", r.k1, 0, "III/a");
		snprintf(b.jenis_jabatan, sizeof(b.jenis_jabatan), "%s", ok_jab[i]);
		snprintf(b.status, sizeof(b.status), "%s", ok_status[i % 3]);
		snprintf(b.jenis_asn, sizeof(b.jenis_asn), "%s", i % 2 ? "PPPK" : "PNS");
		assert_int_eq(store_pegawai_insert(S, &b, &inserted), 0);
		assert_int_eq(inserted, 1);
	}
	COMMIT();
}

/* store_pegawai_insert_many: new NIPs are written, existing ones left
 * alone and reported as such; every row is asked for once, in order. */
struct many_src {
	const struct reg *r;
	const char *const *nips;
	size_t calls, next;
	int out_of_order;
	size_t orphan; /* 1 + the row given an instansi that does not exist */
};

static void many_row(void *ctx, size_t i, struct pegawai *out)
{
	struct many_src *m = ctx;
	if (i != m->next)
		m->out_of_order = 1;
	m->next = i + 1;
	m->calls++;
	char nama[32];
	snprintf(nama, sizeof(nama), "Massal %zu", i);
	fill_pegawai(out, m->nips[i], nama, m->r->k1, i % 2 ? m->r->u1 : 0, "II/b");
	out->blokir = 1; /* ignored: a bulk insert never blocks */
	if (m->orphan == i + 1) {
		out->instansi_id = 987654321;
		out->unit_id = 0;
	}
}

static void pegawai_insert_many_new_and_existing(void **state)
{
	(void)state;
	struct reg r;
	struct pegawai p, got;
	int inserted;
	registry(&r, "PM");
	fill_pegawai(&p, "198103022006041002", "Lama", r.k1, 0, "III/b");
	BEGIN_W();
	assert_int_eq(store_pegawai_insert(S, &p, &inserted), 0);
	COMMIT();
	int64_t old_id = p.id;

	static const char *const nips[] = { "198103022006041001", "198103022006041002",
		"198103022006041003", "198103022006041004" };
	struct many_src m = { &r, nips, 0, 0, 0 };
	unsigned char ins[4] = { 9, 9, 9, 9 };
	size_t count = 99;
	BEGIN_W();
	assert_int_eq(store_pegawai_insert_many(S, 4, many_row, &m, ins, &count), 0);
	COMMIT();
	assert_int_eq(count, 3);
	assert_int_eq(m.calls, 4);
	assert_false(m.out_of_order);
	assert_int_eq(ins[0], 1);
	assert_int_eq(ins[1], 0);
	assert_int_eq(ins[2], 1);
	assert_int_eq(ins[3], 1);
	assert_int_eq(store_pegawai_get_by_nip(S, nips[1], &got), 0);
	assert_int_eq(got.id, old_id);
	assert_str_eq(got.nama, "Lama"); /* untouched */
	assert_int_eq(store_pegawai_get_by_nip(S, nips[3], &got), 0);
	assert_str_eq(got.nama, "Massal 3");
	assert_str_eq(got.golongan, "II/b");
	assert_int_eq(got.unit_id, r.u1);
	assert_int_eq(got.blokir, 0);
	assert_true(got.updated_ms > 0);
	assert_int_eq(store_pegawai_get_by_nip(S, nips[0], &got), 0);
	assert_int_eq(got.unit_id, 0);

	/* all present now: nothing written; none given: nothing asked */
	m.calls = m.next = 0;
	BEGIN_W();
	assert_int_eq(store_pegawai_insert_many(S, 4, many_row, &m, ins, &count), 0);
	assert_int_eq(store_pegawai_insert_many(S, 0, many_row, &m, ins, &count), 0);
	COMMIT();
	assert_int_eq(count, 0);
	assert_int_eq(m.calls, 4);
	for (int i = 0; i < 4; i++)
		assert_int_eq(ins[i], 0);

	/* outside a transaction it is refused; a row that breaks a foreign
	 * key fails the transaction and writes nothing (CHECKs are the
	 * caller's: store.h) */
	assert_int_eq(store_pegawai_insert_many(S, 4, many_row, &m, ins, &count), APP_EINTERNAL);
	static const char *const bad[] = { "198103022006041005", "198103022006041006" };
	struct many_src mb = { &r, bad, 0, 0, 0, 2 };
	BEGIN_W();
	assert_int_eq(store_pegawai_insert_many(S, 2, many_row, &mb, ins, &count),
		      APP_ECONSTRAINT);
	store_tx_rollback(S);
	assert_int_eq(store_pegawai_get_by_nip(S, bad[0], &got), APP_ENOTFOUND);
}

static void pegawai_list_filters_pages_scope(void **state)
{
	(void)state;
	struct reg r;
	struct pegawai p;
	int changed;
	registry(&r, "PB");
	static const struct { const char *nip, *nama, *gol; int k; int unit; } rows[] = {
		{ "197001012000031001", "Siti Aminah", "IV/a", 1, 1 },
		{ "197101012000031002", "Ahmad Dahlan", "III/c", 1, 0 },
		{ "197201012000032003", "Dewi Sartika", "III/c", 1, 1 },
		{ "197301012000031004", "Ahmad 100% Fauzi", "III/d", 1, 0 },
		{ "197401012000032005", "Rina Ahmadi", "IV/a", 2, 0 },
		{ "197501012000031006", "Joko Widodo", "II/a", 2, 0 },
	};
	BEGIN_W();
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		fill_pegawai(&p, rows[i].nip, rows[i].nama, rows[i].k == 1 ? r.k1 : r.k2,
			     rows[i].unit ? r.u1 : 0, rows[i].gol);
		if (i == 5)
			snprintf(p.status, sizeof(p.status), "pensiun");
		assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
		assert_int_eq(changed, 1);
	}
	COMMIT();

	struct collect c = { 0 };
	struct pegawai_filter f = { .scope_path = r.pp1 };
	assert_int_eq(store_pegawai_list(S, &f, collect_pegawai, &c), 0);
	assert_int_eq(c.n, 6);
	for (int i = 1; i < c.n; i++)
		assert_true(strcmp(c.keys[i - 1], c.keys[i]) < 0);

	/* a kab/kota scope never sees its sibling */
	int64_t n = -1;
	f.scope_path = r.pk1;
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_pegawai_list(S, &f, collect_pegawai, &c), 0);
	assert_int_eq(c.n, 4);
	assert_false(has_key(&c, "197401012000032005"));
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 4);
	f.scope_path = r.pk2;
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 2);
	/* the instansi filter cannot widen the scope */
	f.instansi_id = r.k1;
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 0);

	f = (struct pegawai_filter){ .scope_path = r.pp1, .instansi_id = r.k1 };
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 4);
	f = (struct pegawai_filter){ .scope_path = r.pp1, .unit_id = r.u1 };
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 2);
	f = (struct pegawai_filter){ .scope_path = r.pp1, .golongan = "III/c" };
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 2);
	f = (struct pegawai_filter){ .scope_path = r.pp1, .jenis_jabatan = "pelaksana",
				     .status = "pensiun" };
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 1);
	f = (struct pegawai_filter){ .scope_path = r.pp1, .jenis_jabatan = "fungsional" };
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 0);

	/* search: case-insensitive name substring, NIP prefix, no wildcards */
	f = (struct pegawai_filter){ .scope_path = r.pp1, .q = "AHMAD" };
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 3);
	f.q = "1972";
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_pegawai_list(S, &f, collect_pegawai, &c), 0);
	assert_int_eq(c.n, 1);
	assert_str_eq(c.keys[0], "197201012000032003");
	f.q = "100%";
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 1);
	f.q = "%"; /* literal, not a wildcard */
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 1);
	f.q = "a%d";
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 0);
	f.q = "_";
	assert_int_eq(store_pegawai_count(S, &f, &n), 0);
	assert_int_eq(n, 0);

	/* keyset pagination: pages of 2 walk every row once, in NIP order */
	char after[19] = "";
	int pages = 0, total = 0;
	char seen[8][19];
	for (;;) {
		f = (struct pegawai_filter){ .scope_path = r.pp1, .after_nip = after, .limit = 2 };
		memset(&c, 0, sizeof(c));
		assert_int_eq(store_pegawai_list(S, &f, collect_pegawai, &c), 0);
		if (c.n == 0)
			break;
		assert_true(c.n <= 2);
		for (int i = 0; i < c.n; i++)
			snprintf(seen[total++], 19, "%s", c.keys[i]);
		snprintf(after, sizeof(after), "%s", c.keys[c.n - 1]);
		pages++;
		assert_true(pages < 10);
	}
	assert_int_eq(total, 6);
	assert_int_eq(pages, 3);
	for (int i = 0; i < total; i++)
		assert_str_eq(seen[i], rows[i].nip);

	f = (struct pegawai_filter){ .scope_path = "x" };
	assert_int_eq(store_pegawai_list(S, &f, collect_pegawai, &c), APP_EINVAL);
	f = (struct pegawai_filter){ .scope_path = NULL };
	assert_int_eq(store_pegawai_count(S, &f, &n), APP_EINVAL);
}

static int stop_after_two(void *ctx, const struct pegawai *p)
{
	(void)p;
	int *n = ctx;
	return ++*n == 2 ? 42 : 0;
}

static int nested_call(void *ctx, const struct instansi *in)
{
	struct instansi other;
	int *rc = ctx;
	*rc = store_instansi_get(S, in->id, &other);
	return 0;
}

static void callbacks_stop_and_no_nesting(void **state)
{
	(void)state;
	int n = 0;
	struct pegawai_filter f = { .scope_path = "/" };
	assert_int_eq(store_pegawai_list(S, &f, stop_after_two, &n), 42);
	assert_int_eq(n, 2);
	/* a callback's own stop value does not poison a transaction */
	assert_int_eq(store_tx_begin(S, STORE_TX_READ), 0);
	n = 0;
	assert_int_eq(store_pegawai_list(S, &f, stop_after_two, &n), 42);
	struct instansi in;
	assert_int_eq(store_instansi_get_by_kode(S, "PA-NAS", &in), 0);
	assert_int_eq(store_tx_commit(S), 0);
	/* the connection is busy while it streams: nested calls are refused */
	int rc = 0;
	assert_int_eq(store_instansi_list(S, "/", nested_call, &rc), 0);
	assert_int_eq(rc, APP_EINTERNAL);
	assert_int_eq(store_instansi_get_by_kode(S, "PA-NAS", &in), 0);
}

/* ---- accounts ---- */

static void users_crud_conflict_scope(void **state)
{
	(void)state;
	char pn[256], pa[256], pb[256];
	BEGIN_W();
	int64_t nas = put_instansi("US-NAS", INSTANSI_NASIONAL, 0, pn);
	int64_t a = put_instansi("US-A", INSTANSI_PROVINSI, nas, pa);
	int64_t b = put_instansi("US-B", INSTANSI_PROVINSI, nas, pb);
	struct user u = { 0 };
	snprintf(u.username, sizeof(u.username), "Admin.Jabar");
	snprintf(u.nama, sizeof(u.nama), "Admin Jawa Barat");
	snprintf(u.role, sizeof(u.role), "bkpsdm");
	snprintf(u.password_hash, sizeof(u.password_hash), "$argon2id$v=19$m=65536,t=2,p=1$x$y");
	u.instansi_id = a;
	assert_int_eq(store_user_insert(S, &u), 0);
	assert_true(u.id > 0);
	assert_str_eq(u.username, "admin.jabar");
	struct user v = u;
	v.id = 0;
	snprintf(v.username, sizeof(v.username), "us-b-asn");
	snprintf(v.role, sizeof(v.role), "asn");
	snprintf(v.nip, sizeof(v.nip), "198001012005011001");
	v.instansi_id = b;
	assert_int_eq(store_user_insert(S, &v), 0);
	COMMIT();

	/* duplicate username, whatever the case */
	struct user dup = u;
	dup.id = 0;
	snprintf(dup.username, sizeof(dup.username), "ADMIN.JABAR");
	BEGIN_W();
	assert_int_eq(store_user_insert(S, &dup), APP_ECONFLICT);
	store_tx_rollback(S);
	dup.instansi_id = 4444444;
	snprintf(dup.username, sizeof(dup.username), "orphan");
	BEGIN_W();
	assert_int_eq(store_user_insert(S, &dup), APP_ECONSTRAINT);
	store_tx_rollback(S);

	struct user got;
	assert_int_eq(store_user_get_by_username(S, "ADMIN.jabar", &got), 0);
	assert_int_eq(got.id, u.id);
	assert_str_eq(got.nama, "Admin Jawa Barat");
	assert_str_eq(got.role, "bkpsdm");
	assert_str_eq(got.password_hash, "$argon2id$v=19$m=65536,t=2,p=1$x$y");
	assert_str_eq(got.scope_path, pa);
	assert_str_eq(got.nip, "");
	assert_true(got.created_ms > 0);
	assert_int_eq(store_user_get(S, v.id, &got), 0);
	assert_str_eq(got.nip, "198001012005011001");
	assert_int_eq(store_user_get(S, 3333333, &got), APP_ENOTFOUND);
	assert_int_eq(store_user_get_by_username(S, "nobody", &got), APP_ENOTFOUND);

	got = u;
	got.failed_logins = 3;
	got.locked_until_ms = 1700000000000;
	got.disabled = 1;
	snprintf(got.role, sizeof(got.role), "ppk");
	BEGIN_W();
	assert_int_eq(store_user_update(S, &got), 0);
	got.id = 3333333;
	assert_int_eq(store_user_update(S, &got), APP_ENOTFOUND);
	COMMIT();
	assert_int_eq(store_user_get(S, u.id, &got), 0);
	assert_int_eq(got.failed_logins, 3);
	assert_int_eq(got.locked_until_ms, 1700000000000);
	assert_int_eq(got.disabled, 1);
	assert_str_eq(got.role, "ppk");

	struct collect c = { 0 };
	assert_int_eq(store_user_list(S, pa, collect_user, &c), 0);
	assert_int_eq(c.n, 1);
	assert_str_eq(c.keys[0], "admin.jabar");
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_user_list(S, pn, collect_user, &c), 0);
	assert_int_eq(c.n, 2);
}

static int64_t make_user(const char *name)
{
	char pn[256];
	char kode[32];
	snprintf(kode, sizeof(kode), "SU-%s", name);
	int64_t inst = put_instansi(kode, INSTANSI_NASIONAL, 0, pn);
	struct user u = { 0 };
	snprintf(u.username, sizeof(u.username), "%s", name);
	snprintf(u.role, sizeof(u.role), "admin");
	u.instansi_id = inst;
	assert_int_eq(store_user_insert(S, &u), 0);
	return u.id;
}

static void hex64(char out[65], char c)
{
	memset(out, c, 64);
	out[64] = '\0';
}

static void sessions_and_tokens(void **state)
{
	(void)state;
	BEGIN_W();
	int64_t uid = make_user("sess-user");
	struct session se = { .user_id = uid, .created_ms = 1000, .expires_ms = 5000 };
	hex64(se.token_hash, 'a');
	hex64(se.csrf, 'c');
	snprintf(se.lang, sizeof(se.lang), "en");
	assert_int_eq(store_session_insert(S, &se), 0);
	struct session se2 = se;
	hex64(se2.token_hash, 'b');
	se2.expires_ms = 9000;
	assert_int_eq(store_session_insert(S, &se2), 0);
	assert_int_eq(store_session_insert(S, &se2), APP_ECONFLICT);
	store_tx_rollback(S);

	BEGIN_W();
	uid = make_user("sess-user");
	se.user_id = se2.user_id = uid;
	assert_int_eq(store_session_insert(S, &se), 0);
	assert_int_eq(store_session_insert(S, &se2), 0);
	struct session se3 = se;
	hex64(se3.token_hash, 'd');
	assert_int_eq(store_session_insert(S, &se3), 0);
	COMMIT();

	struct session got;
	assert_int_eq(store_session_get(S, se.token_hash, &got), 0);
	assert_int_eq(got.user_id, uid);
	assert_str_eq(got.csrf, se.csrf);
	assert_str_eq(got.lang, "en");
	assert_int_eq(got.created_ms, 1000);
	assert_int_eq(got.expires_ms, 5000);
	char none[65];
	hex64(none, 'f');
	assert_int_eq(store_session_get(S, none, &got), APP_ENOTFOUND);

	BEGIN_W();
	assert_int_eq(store_session_purge(S, 6000), 0);
	COMMIT();
	assert_int_eq(store_session_get(S, se.token_hash, &got), APP_ENOTFOUND);
	assert_int_eq(store_session_get(S, se2.token_hash, &got), 0);
	BEGIN_W();
	assert_int_eq(store_session_delete(S, se2.token_hash), 0);
	COMMIT();
	assert_int_eq(store_session_get(S, se2.token_hash, &got), APP_ENOTFOUND);
	BEGIN_W();
	se.expires_ms = 99999;
	assert_int_eq(store_session_insert(S, &se), 0);
	assert_int_eq(store_session_delete_user(S, uid), 0);
	COMMIT();
	assert_int_eq(store_session_get(S, se.token_hash, &got), APP_ENOTFOUND);

	/* sessions of an unknown user are refused */
	se.user_id = 12121212;
	BEGIN_W();
	assert_int_eq(store_session_insert(S, &se), APP_ECONSTRAINT);
	store_tx_rollback(S);

	struct api_token t = { .user_id = uid };
	snprintf(t.name, sizeof(t.name), "sinkronisasi SIASN");
	hex64(t.token_hash, '7');
	BEGIN_W();
	assert_int_eq(store_token_insert(S, &t), 0);
	COMMIT();
	assert_true(t.id > 0);
	struct api_token tg;
	assert_int_eq(store_token_get_by_hash(S, t.token_hash, &tg), 0);
	assert_int_eq(tg.id, t.id);
	assert_int_eq(tg.user_id, uid);
	assert_str_eq(tg.name, "sinkronisasi SIASN");
	assert_int_eq(tg.revoked, 0);
	assert_true(tg.created_ms > 0);
	struct api_token t2 = t;
	BEGIN_W();
	assert_int_eq(store_token_insert(S, &t2), APP_ECONFLICT);
	store_tx_rollback(S);
	BEGIN_W();
	assert_int_eq(store_token_revoke(S, t.id), 0);
	assert_int_eq(store_token_revoke(S, 9191919), APP_ENOTFOUND);
	COMMIT();
	assert_int_eq(store_token_get_by_hash(S, t.token_hash, &tg), 0);
	assert_int_eq(tg.revoked, 1);
	assert_int_eq(store_token_get_by_hash(S, none, &tg), APP_ENOTFOUND);
}

/* The authentication epoch (app/auth_cache.h), read through a second
 * connection as another serve process would: it moves with every committed
 * change that can end or alter a token's principal, and not with login
 * bookkeeping, a new token, a renamed instansi or a rolled-back change. */
static int64_t epoch_of(struct store *b)
{
	int64_t e = -1;
	assert_int_eq(store_auth_epoch(b, &e), 0);
	return e;
}

static void auth_epoch_tracks_principal_changes(void **state)
{
	(void)state;
	if (!strcmp(suite_url, "sqlite::memory:"))
		skip(); /* each :memory: connection is its own database */
	struct store *b;
	assert_int_eq(store_open(suite_url, &b), 0);
	char pn[256];
	BEGIN_W();
	int64_t uid = make_user("epoch-user");
	int64_t other = put_instansi("EP-OTHER", INSTANSI_NASIONAL, 0, pn);
	struct api_token t = { .user_id = uid };
	snprintf(t.name, sizeof(t.name), "epoch");
	hex64(t.token_hash, '9');
	assert_int_eq(store_token_insert(S, &t), 0);
	COMMIT();
	int64_t e = epoch_of(b);
	struct user u;
	assert_int_eq(store_user_get(S, uid, &u), 0);

	/* not part of a principal: no move */
	u.failed_logins = 3;
	u.locked_until_ms = 123456;
	snprintf(u.password_hash, sizeof(u.password_hash), "$argon2id$changed");
	BEGIN_W();
	assert_int_eq(store_user_update(S, &u), 0);
	struct api_token t2 = { .user_id = uid };
	snprintf(t2.name, sizeof(t2.name), "epoch 2");
	hex64(t2.token_hash, '8');
	assert_int_eq(store_token_insert(S, &t2), 0);
	struct instansi in;
	assert_int_eq(store_instansi_get(S, other, &in), 0);
	snprintf(in.nama, sizeof(in.nama), "Nama Baru");
	assert_int_eq(store_instansi_put(S, &in), 0);
	COMMIT();
	assert_int_eq(epoch_of(b), e);

	/* a rolled-back revocation: no move */
	BEGIN_W();
	assert_int_eq(store_token_revoke(S, t.id), 0);
	store_tx_rollback(S);
	assert_int_eq(epoch_of(b), e);

	/* each committed change below moves it */
	BEGIN_W();
	assert_int_eq(store_token_revoke(S, t.id), 0);
	COMMIT();
	assert_true(epoch_of(b) > e);
	e = epoch_of(b);

	snprintf(u.role, sizeof(u.role), "auditor");
	BEGIN_W();
	assert_int_eq(store_user_update(S, &u), 0);
	COMMIT();
	assert_true(epoch_of(b) > e);
	e = epoch_of(b);

	u.instansi_id = other;
	BEGIN_W();
	assert_int_eq(store_user_update(S, &u), 0);
	COMMIT();
	assert_true(epoch_of(b) > e);
	e = epoch_of(b);

	snprintf(u.nama, sizeof(u.nama), "Nama Lain");
	BEGIN_W();
	assert_int_eq(store_user_update(S, &u), 0);
	COMMIT();
	assert_true(epoch_of(b) > e);
	e = epoch_of(b);

	u.disabled = 1;
	BEGIN_W();
	assert_int_eq(store_user_update(S, &u), 0);
	COMMIT();
	assert_true(epoch_of(b) > e);
	e = epoch_of(b);

	/* the user's scope moves: its instansi goes under another parent */
	BEGIN_W();
	int64_t parent = put_instansi("EP-PARENT", INSTANSI_NASIONAL, 0, pn);
	assert_int_eq(store_instansi_get(S, other, &in), 0);
	in.parent_id = parent;
	assert_int_eq(store_instansi_put(S, &in), 0);
	COMMIT();
	assert_true(epoch_of(b) > e);
	store_close(b);
}

static void rate_limits(void **state)
{
	(void)state;
	int64_t n = 0;
	const int64_t w = 60000, t0 = 1700000040000; /* a window starts at 1700000040000 */
	assert_int_eq(store_rate_hit(S, "login:10.0.0.1", t0 + 1, w, &n), 0);
	assert_int_eq(n, 1);
	assert_int_eq(store_rate_hit(S, "login:10.0.0.1", t0 + 2, w, &n), 0);
	assert_int_eq(n, 2);
	assert_int_eq(store_rate_hit(S, "login:10.0.0.2", t0 + 2, w, &n), 0);
	assert_int_eq(n, 1);
	BEGIN_W();
	assert_int_eq(store_rate_hit(S, "login:10.0.0.1", t0 + w - 1, w, &n), 0);
	assert_int_eq(n, 3);
	COMMIT();
	/* the next window starts again from one */
	assert_int_eq(store_rate_hit(S, "login:10.0.0.1", t0 + w, w, &n), 0);
	assert_int_eq(n, 1);
	/* a late hit from the previous window counts in the current one */
	assert_int_eq(store_rate_hit(S, "login:10.0.0.1", t0 + 5, w, &n), 0);
	assert_int_eq(n, 2);
	assert_int_eq(store_tx_begin(S, STORE_TX_READ), 0);
	assert_int_eq(store_rate_hit(S, "login:10.0.0.1", t0 + w, w, &n), APP_EINTERNAL);
	store_tx_rollback(S);
	assert_int_eq(store_rate_hit(S, "", t0, w, &n), APP_EINVAL);
	assert_int_eq(store_rate_hit(S, "k", t0, 0, &n), APP_EINVAL);

	/* The purge drops windows older than STORE_RATE_KEEP_MS, keeps the
	 * rest: a purged key starts again from one, a kept one goes on. */
	const int64_t later = t0 + STORE_RATE_KEEP_MS + w;
	assert_int_eq(store_rate_hit(S, "login:10.0.0.3", later - 10, w, &n), 0);
	BEGIN_W();
	assert_int_eq(store_session_purge(S, later), 0);
	COMMIT();
	assert_int_eq(store_rate_hit(S, "login:10.0.0.2", t0 + 3, w, &n), 0);
	assert_int_eq(n, 1);
	assert_int_eq(store_rate_hit(S, "login:10.0.0.3", later - 5, w, &n), 0);
	assert_int_eq(n, 2);
}

/* ---- CPNS publications ---- */

static void fill_pub(struct cpns_publication *p, const char *label, char c)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->label, sizeof(p->label), "%s", label);
	memset(p->sha_formasi, c, 64);
	memset(p->sha_peserta, 'b', 64);
	memset(p->sha_results, 'c', 64);
	memset(p->nik_salt, 'd', 64);
	snprintf(p->actor, sizeof(p->actor), "cli:test");
}

static void cpns_publications(void **state)
{
	(void)state;
	struct cpns_publication p, got;
	struct cpns_result_row r;
	struct cpns_formation_cut f;
	int rc = store_cpns_publication_latest(S, &got);
	assert_int_eq(rc, APP_ENOTFOUND);

	/* writes need a write transaction; a malformed hash is refused */
	fill_pub(&p, "SKD 2024", 'a');
	assert_int_eq(store_cpns_publication_insert(S, &p), APP_EINTERNAL);
	BEGIN_W();
	p.nik_salt[3] = 'X';
	assert_int_eq(store_cpns_publication_insert(S, &p), APP_EINVAL);
	p.nik_salt[3] = 'd';
	assert_int_eq(store_cpns_publication_insert(S, &p), 0);
	assert_true(p.id > 0);
	assert_true(p.published_ms > 0);
	/* more rows than one PostgreSQL batch, in two calls */
	enum { N = 12001 };
	struct cpns_result_row *rows = calloc(N, sizeof(*rows));
	assert_non_null(rows);
	static const char *const st[] = { "P/L", "P", "TL", "TH", "DIS" };
	for (int i = 0; i < N; i++) {
		rows[i].applicant_id = 1000 + i;
		snprintf(rows[i].nik_hash, sizeof(rows[i].nik_hash), "%064x", i);
		rows[i].formation_id = 1 + i % 7;
		rows[i].total = i % 5 >= 3 ? -1 : 300 + i % 100;
		rows[i].rank = i % 5 <= 1 ? 1 + i % 50 : 0;
		snprintf(rows[i].status, sizeof(rows[i].status), "%s", st[i % 5]);
	}
	assert_int_eq(store_cpns_results_insert(S, p.id, rows, 7000), 0);
	assert_int_eq(store_cpns_results_insert(S, p.id, rows + 7000, N - 7000), 0);
	struct cpns_formation_cut cuts[7];
	for (int i = 0; i < 7; i++)
		cuts[i] = (struct cpns_formation_cut){ 1 + i, 2 + i, 6 + i, i == 6 ? -1 : 380 + i };
	assert_int_eq(store_cpns_formations_insert(S, p.id, cuts, 7), 0);
	COMMIT();

	assert_int_eq(store_cpns_publication_latest(S, &got), 0);
	assert_int_eq(got.id, p.id);
	assert_str_eq(got.label, "SKD 2024");
	assert_str_eq(got.sha_formasi, p.sha_formasi);
	assert_str_eq(got.nik_salt, p.nik_salt);
	assert_str_eq(got.actor, "cli:test");
	assert_int_eq(got.published_ms, p.published_ms);
	assert_int_eq(store_cpns_result_get(S, p.id, 1000 + 12000, &r), 0);
	assert_int_eq(r.formation_id, 1 + 12000 % 7);
	assert_str_eq(r.status, st[0]);
	assert_str_eq(r.nik_hash, rows[12000].nik_hash);
	assert_int_eq(r.total, 300);
	assert_int_eq(r.rank, 1);
	assert_int_eq(store_cpns_result_get(S, p.id, 1003, &r), 0);
	assert_str_eq(r.status, "TH");
	assert_int_eq(r.total, -1);
	assert_int_eq(r.rank, 0);
	assert_int_eq(store_cpns_result_get(S, p.id, 999, &r), APP_ENOTFOUND);
	assert_int_eq(store_cpns_formation_get(S, p.id, 3, &f), 0);
	assert_int_eq(f.quota, 4);
	assert_int_eq(f.pl_count, 8);
	assert_int_eq(f.cutoff_total, 382);
	assert_int_eq(store_cpns_formation_get(S, p.id, 7, &f), 0);
	assert_int_eq(f.cutoff_total, -1);
	assert_int_eq(store_cpns_formation_get(S, p.id, 8, &f), APP_ENOTFOUND);

	/* a rolled-back publication leaves nothing: the older one is served */
	struct cpns_publication p2;
	fill_pub(&p2, "gagal", 'e');
	BEGIN_W();
	assert_int_eq(store_cpns_publication_insert(S, &p2), 0);
	assert_int_eq(store_cpns_results_insert(S, p2.id, rows, 10), 0);
	store_tx_rollback(S);
	assert_int_eq(store_cpns_publication_latest(S, &got), 0);
	assert_int_eq(got.id, p.id);

	/* a duplicate applicant fails the transaction (nothing half-done) */
	BEGIN_W();
	assert_int_eq(store_cpns_publication_insert(S, &p2), 0);
	assert_int_eq(store_cpns_results_insert(S, p2.id, rows, 3), 0);
	assert_int_eq(store_cpns_results_insert(S, p2.id, rows + 2, 1), APP_ECONFLICT);
	assert_true(store_tx_commit(S) != 0);
	assert_int_eq(store_cpns_publication_latest(S, &got), 0);
	assert_int_eq(got.id, p.id);

	/* a newer publication becomes the latest; the old rows stay */
	struct cpns_publication p3;
	fill_pub(&p3, "SKD 2024 ulang", 'f');
	BEGIN_W();
	assert_int_eq(store_cpns_publication_insert(S, &p3), 0);
	assert_int_eq(store_cpns_results_insert(S, p3.id, rows, 1), 0);
	COMMIT();
	assert_true(p3.id > p.id);
	assert_int_eq(store_cpns_publication_latest(S, &got), 0);
	assert_int_eq(got.id, p3.id);
	assert_str_eq(got.label, "SKD 2024 ulang");
	assert_int_eq(store_cpns_result_get(S, p3.id, 1001, &r), APP_ENOTFOUND);
	assert_int_eq(store_cpns_result_get(S, p.id, 1001, &r), 0);
	free(rows);
}

/* ---- audit chain ---- */

struct audit_seen {
	int n;
	int64_t seqs[64];
	char diffs[64][32];
};

static int collect_audit(void *ctx, const struct audit_rec *r)
{
	struct audit_seen *a = ctx;
	if (a->n < 64) {
		a->seqs[a->n] = r->seq;
		snprintf(a->diffs[a->n], 32, "%s", r->diff ? r->diff : "(null)");
	}
	a->n++;
	return 0;
}

static void audit_head_insert_list(void **state)
{
	(void)state;
	int64_t seq = -1;
	char hash[65];
	assert_int_eq(store_audit_head(S, &seq, hash), 0);
	int64_t base = seq;
	if (base == 0)
		assert_str_eq(hash, hash_chain_genesis);

	struct principal who = { .user_id = 7 };
	snprintf(who.username, sizeof(who.username), "auditor.satu");
	BEGIN_W();
	assert_int_eq(audit_append(S, &who, "create", "pegawai", "198001012005011001",
				   "{\"nama\":[null,\"Budi\"]}"), 0);
	assert_int_eq(audit_append(S, NULL, "update", "pegawai", "198001012005011001",
				   "{\"golongan\":[\"III/a\",\"III/b\"]}"), 0);
	assert_int_eq(audit_append(S, NULL, "login", "user", "7", NULL), 0);
	COMMIT();
	/* rolled back records leave no gap */
	BEGIN_W();
	assert_int_eq(audit_append(S, NULL, "delete", "pegawai", "x", NULL), 0);
	store_tx_rollback(S);

	char h2[65];
	assert_int_eq(store_audit_head(S, &seq, h2), 0);
	assert_int_eq(seq, base + 3);
	assert_true(hash_is_hex(h2));

	struct audit_seen a = { 0 };
	assert_int_eq(store_audit_list(S, base + 1, 0, collect_audit, &a), 0);
	assert_int_eq(a.n, 3);
	assert_int_eq(a.seqs[0], base + 1);
	assert_int_eq(a.seqs[2], base + 3);
	assert_str_eq(a.diffs[0], "{\"nama\":[null,\"Budi\"]}");
	assert_str_eq(a.diffs[2], "");
	memset(&a, 0, sizeof(a));
	assert_int_eq(store_audit_list(S, base + 1, 2, collect_audit, &a), 0);
	assert_int_eq(a.n, 2);
	memset(&a, 0, sizeof(a));
	assert_int_eq(store_audit_list_object(S, "pegawai", "198001012005011001", 0,
					      collect_audit, &a), 0);
	assert_int_eq(a.n, 2);
	assert_int_eq(a.seqs[0], base + 2); /* newest first */
	assert_int_eq(a.seqs[1], base + 1);
	memset(&a, 0, sizeof(a));
	assert_int_eq(store_audit_list_object(S, "pegawai", "198001012005011001", 1,
					      collect_audit, &a), 0);
	assert_int_eq(a.n, 1);

	struct audit_verify_result vr;
	assert_int_eq(audit_verify(S, &vr), 0);
	assert_int_eq(vr.count, base + 3);
	assert_str_eq(vr.head_hash, h2);
	assert_int_eq(vr.bad_seq, 0);

	/* a duplicate seq is a conflict: two writers can never share one */
	struct audit_rec r = { .seq = base + 3, .ts_ms = 1 };
	snprintf(r.action, sizeof(r.action), "x");
	hex64(r.prev_hash, '0');
	hex64(r.hash, '1');
	r.diff = "";
	BEGIN_W();
	assert_int_eq(store_audit_insert(S, &r), APP_ECONFLICT);
	store_tx_rollback(S);
}

/* Two connections append at once; the chain must stay one unbroken line. */
struct writer {
	int ok, failed;
};

static void *append_many(void *arg)
{
	struct writer *w = arg;
	struct store *s;
	if (store_open(suite_url, &s)) {
		w->failed++;
		return NULL;
	}
	for (int i = 0; i < 25; i++) {
		int rc = store_tx_begin(s, STORE_TX_WRITE);
		if (!rc)
			rc = audit_append(s, NULL, "update", "test", "concurrent", "{}");
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
		if (rc)
			w->failed++;
		else
			w->ok++;
	}
	store_close(s);
	return NULL;
}

static void audit_concurrent_writers(void **state)
{
	(void)state;
	if (!strcmp(suite_url, "sqlite::memory:"))
		skip(); /* each :memory: connection is its own database */
	int64_t before, after;
	char h[65];
	assert_int_eq(store_audit_head(S, &before, h), 0);
	pthread_t t[3];
	struct writer w[3] = { { 0 } };
	for (int i = 0; i < 3; i++)
		assert_int_eq(pthread_create(&t[i], NULL, append_many, &w[i]), 0);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	int ok = 0;
	for (int i = 0; i < 3; i++) {
		assert_int_eq(w[i].failed, 0);
		ok += w[i].ok;
	}
	assert_int_eq(ok, 75);
	assert_int_eq(store_audit_head(S, &after, h), 0);
	assert_int_eq(after, before + 75);
	struct audit_verify_result vr;
	assert_int_eq(audit_verify(S, &vr), 0);
	assert_int_eq(vr.count, after);
}

/* A writer blocked by another connection's write lock gets APP_EBUSY after
 * the backend's wait (SQLite busy_timeout, PostgreSQL lock_timeout: 5 s),
 * not a hang and not a half-done write. */
static void blocked_writer_is_busy(void **state)
{
	(void)state;
	if (!strcmp(suite_url, "sqlite::memory:"))
		skip();
	struct store *b;
	int64_t seq;
	char h[65];
	assert_int_eq(store_open(suite_url, &b), 0);
	BEGIN_W();
	assert_int_eq(store_audit_head(S, &seq, h), 0); /* holds the chain lock */
	int rc = store_tx_begin(b, STORE_TX_WRITE);
	if (rc == 0) {
		/* PostgreSQL: the transaction starts, the lock wait times out */
		rc = store_audit_head(b, &seq, h);
		store_tx_rollback(b);
	}
	assert_int_eq(rc, APP_EBUSY);
	store_tx_rollback(S);
	/* once released, the other writer gets through */
	assert_int_eq(store_tx_begin(b, STORE_TX_WRITE), 0);
	assert_int_eq(store_audit_head(b, &seq, h), 0);
	assert_int_eq(store_tx_commit(b), 0);
	store_close(b);
}

/* ---- backup ---- */

static void backup_sqlite_only(void **state)
{
	(void)state;
	char path[] = "/tmp/wasdal-backup-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int rc = store_backup(S, path);
	if (strcmp(store_backend_name(S), "sqlite")) {
		assert_int_eq(rc, APP_EINVAL);
		unlink(path);
		return;
	}
	assert_int_eq(rc, 0);
	char burl[64];
	snprintf(burl, sizeof(burl), "sqlite:%s", path);
	struct store *b;
	assert_int_eq(store_open(burl, &b), 0);
	assert_int_eq(store_schema_check(b), 0);
	struct instansi in;
	assert_int_eq(store_instansi_get_by_kode(b, "IT-NAS", &in), 0);
	struct audit_verify_result vr;
	assert_int_eq(audit_verify(b, &vr), 0);
	store_close(b);
	unlink(path);
	char side[80];
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	assert_int_eq(store_backup(S, ""), APP_EINVAL);
}

/* ---- integrity: instansi signing keys ---- */

static void instansi_keys_rotate_never_edit(void **state)
{
	(void)state;
	BEGIN_W();
	char path[256];
	int64_t id = put_instansi("IT-KEY", INSTANSI_KL, 0, path);
	COMMIT();
	struct instansi_key k = { 0 }, cur;
	assert_int_eq(store_instansi_key_current(S, id, &cur), APP_ENOTFOUND);
	assert_int_eq(store_instansi_key_insert(S, &k), APP_EINTERNAL); /* outside a write tx */
	BEGIN_W();
	k.instansi_id = id;
	k.created_ms = 1000;
	memset(k.public_hex, 'a', 64);
	memset(k.secret_hex, 'b', 128);
	assert_int_eq(store_instansi_key_insert(S, &k), 0);
	assert_true(k.id > 0);
	struct instansi_key k2 = k;
	k2.id = 0;
	k2.created_ms = 2000;
	memset(k2.public_hex, 'c', 64);
	assert_int_eq(store_instansi_key_insert(S, &k2), 0); /* retires the first */
	COMMIT();
	assert_int_eq(store_instansi_key_current(S, id, &cur), 0);
	assert_str_eq(cur.public_hex, k2.public_hex);
	assert_int_eq(strlen(cur.secret_hex), 128);
	assert_int_eq(cur.retired_ms, 0);
	struct instansi_key list[4];
	size_t n = 0;
	assert_int_eq(store_instansi_key_list(S, id, list, 4, &n), 0);
	assert_int_eq(n, 2);
	assert_str_eq(list[0].public_hex, k2.public_hex);
	assert_str_eq(list[1].public_hex, k.public_hex);
	assert_int_eq(list[1].retired_ms, 2000);
	assert_str_eq(list[0].secret_hex, ""); /* lists never carry secrets */
	/* the same public key twice is a conflict */
	BEGIN_W();
	struct instansi_key dup = k2;
	dup.id = 0;
	dup.created_ms = 3000;
	assert_int_eq(store_instansi_key_insert(S, &dup), APP_ECONFLICT);
	store_tx_rollback(S);
	assert_int_eq(store_instansi_key_current(S, id, &cur), 0);
	assert_str_eq(cur.public_hex, k2.public_hex);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schema_unmigrated_and_current),
		cmocka_unit_test(open_rejects_unknown_scheme),
		cmocka_unit_test(write_outside_tx_refused),
		cmocka_unit_test(rollback_leaves_nothing),
		cmocka_unit_test(failed_statement_poisons_tx),
		cmocka_unit_test(instansi_tree_and_scope),
		cmocka_unit_test(unit_crud),
		cmocka_unit_test(pegawai_upsert_and_get),
		cmocka_unit_test(pegawai_insert_new_only),
		cmocka_unit_test(pegawai_insert_many_new_and_existing),
		cmocka_unit_test(pegawai_list_filters_pages_scope),
		cmocka_unit_test(callbacks_stop_and_no_nesting),
		cmocka_unit_test(users_crud_conflict_scope),
		cmocka_unit_test(sessions_and_tokens),
		cmocka_unit_test(auth_epoch_tracks_principal_changes),
		cmocka_unit_test(rate_limits),
		cmocka_unit_test(cpns_publications),
		cmocka_unit_test(audit_head_insert_list),
		cmocka_unit_test(audit_concurrent_writers),
		cmocka_unit_test(blocked_writer_is_busy),
		cmocka_unit_test(backup_sqlite_only),
		cmocka_unit_test(instansi_keys_rotate_never_edit),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store contract", tests, open_suite, close_suite);
}
