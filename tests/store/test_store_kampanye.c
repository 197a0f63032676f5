/* Conformance of the campaign area (store/store_kampanye.h) on every
 * backend: tests/store/run.sh runs it with a fresh SQLite file and a
 * throw-away PostgreSQL database (STORE_URL). Templates and their
 * never-edit-once-signed rule, campaigns and their scope kinds, progress,
 * signatures (one per NIP and campaign), activation codes used once. */
#include "core/compat.h"
#include "core/err.h"
#include "crypto/token.h"
#include "store/store.h"
#include "store/store_integrity.h"
#include "store/store_kampanye.h"
#include "store_suite.h"

/* One instansi "KP-<tag>" with units U1, U2 and four employees
 * (two in U1, one in U2, one retired in U1). */
struct world {
	struct instansi in;
	int64_t u1, u2;
	char nip[4][19];
	int64_t peg[4];
	int64_t key_id;
	int64_t templat_id;
};

static void make_world(const char *tag, int digit, struct world *w)
{
	memset(w, 0, sizeof(*w));
	BEGIN_W();
	struct instansi root = { 0 };
	snprintf(root.kode, sizeof(root.kode), "KP-ROOT");
	snprintf(root.nama, sizeof(root.nama), "Nasional");
	root.jenis = INSTANSI_NASIONAL;
	assert_int_eq(store_instansi_put(S, &root), 0);
	snprintf(w->in.kode, sizeof(w->in.kode), "KP-%s", tag);
	snprintf(w->in.nama, sizeof(w->in.nama), "Kabupaten %s", tag);
	w->in.jenis = INSTANSI_KABKOTA;
	w->in.parent_id = root.id;
	assert_int_eq(store_instansi_put(S, &w->in), 0);
	struct unit_kerja u = { .instansi_id = w->in.id };
	snprintf(u.kode, sizeof(u.kode), "U1");
	snprintf(u.nama, sizeof(u.nama), "Unit Satu");
	assert_int_eq(store_unit_put(S, &u), 0);
	w->u1 = u.id;
	u.id = 0;
	snprintf(u.kode, sizeof(u.kode), "U2");
	snprintf(u.nama, sizeof(u.nama), "Unit Dua");
	assert_int_eq(store_unit_put(S, &u), 0);
	w->u2 = u.id;
	for (int i = 0; i < 4; i++) {
		struct pegawai p = { 0 };
		snprintf(w->nip[i], sizeof(w->nip[i]), "19700101199%d03100%d", digit, i);
		snprintf(p.nip, sizeof(p.nip), "%s", w->nip[i]);
		snprintf(p.nama, sizeof(p.nama), "Pegawai %d", i);
		snprintf(p.jenis_asn, sizeof(p.jenis_asn), "PNS");
		snprintf(p.golongan, sizeof(p.golongan), "III/a");
		snprintf(p.jenis_jabatan, sizeof(p.jenis_jabatan), "pelaksana");
		snprintf(p.status, sizeof(p.status), i == 3 ? "pensiun" : "aktif");
		p.instansi_id = w->in.id;
		p.unit_id = i == 2 ? w->u2 : w->u1;
		int changed;
		assert_int_eq(store_pegawai_upsert(S, &p, &changed), 0);
		w->peg[i] = p.id;
	}
	struct instansi_key k = { .instansi_id = w->in.id };
	memset(k.public_hex, 'a' + digit, 64);
	k.public_hex[0] = (char)('0' + digit);
	memset(k.secret_hex, 'b', 128);
	assert_int_eq(store_instansi_key_insert(S, &k), 0);
	w->key_id = k.id;
	struct dok_templat *t = calloc(1, sizeof(*t));
	t->instansi_id = w->in.id;
	snprintf(t->kode, sizeof(t->kode), "deklarasi");
	t->versi = 1;
	snprintf(t->jenis, sizeof(t->jenis), "deklarasi_netralitas");
	snprintf(t->judul, sizeof(t->judul), "Deklarasi");
	snprintf(t->teks, sizeof(t->teks), "Saya netral %s.", tag);
	token_sha256_hex(t->teks, strlen(t->teks), t->teks_sha256);
	snprintf(t->created_by, sizeof(t->created_by), "uji");
	assert_int_eq(store_templat_insert(S, t), 0);
	w->templat_id = t->id;
	free(t);
	COMMIT();
}

static int64_t open_campaign(const struct world *w, const char *cakupan)
{
	struct kampanye k = { .instansi_id = w->in.id, .templat_id = w->templat_id, .tenggat_hari = 20000 };
	snprintf(k.nama, sizeof(k.nama), "Kampanye %s", cakupan);
	snprintf(k.periode, sizeof(k.periode), "Pemilu 2024");
	snprintf(k.cakupan, sizeof(k.cakupan), "%s", cakupan);
	snprintf(k.created_by, sizeof(k.created_by), "uji");
	assert_int_eq(store_kampanye_insert(S, &k), 0);
	assert_true(k.id > 0);
	return k.id;
}

static void sign(const struct world *w, int64_t kid, int who, const char *kode)
{
	struct tanda_tangan t = { .kampanye_id = kid, .templat_id = w->templat_id,
				  .pegawai_id = w->peg[who], .signed_ms = 1795000000000LL,
				  .kunci_id = w->key_id };
	snprintf(t.nip, sizeof(t.nip), "%s", w->nip[who]);
	memset(t.doc_sha256, 'c', 64);
	snprintf(t.payload, sizeof(t.payload), "WSD1.x.%s", kode);
	snprintf(t.kode, sizeof(t.kode), "%s", kode);
	int rc = store_ttd_insert(S, &t);
	if (rc)
		print_error("ttd insert: %s\n", store_last_error(S));
	assert_int_eq(rc, 0);
	assert_true(t.id > 0);
}

static void templates_versions_and_signed_rule(void **state)
{
	(void)state;
	struct world w;
	make_world("TPL", 1, &w);
	struct dok_templat *t = calloc(1, sizeof(*t));
	int64_t v = 0;
	assert_int_eq(store_templat_max_versi(S, w.in.id, "deklarasi", &v), 0);
	assert_int_eq(v, 1);
	assert_int_eq(store_templat_max_versi(S, w.in.id, "tidak-ada", &v), 0);
	assert_int_eq(v, 0);
	assert_int_eq(store_templat_get(S, w.templat_id, t), 0);
	assert_str_eq(t->teks, "Saya netral TPL.");
	assert_int_eq(t->n_signed, 0);
	/* a taken (instansi, kode, versi) is a conflict */
	BEGIN_W();
	t->id = 0;
	assert_int_eq(store_templat_insert(S, t), APP_ECONFLICT);
	store_tx_rollback(S);
	/* unsigned: the text may still change */
	BEGIN_W();
	assert_int_eq(store_templat_get(S, w.templat_id, t), 0);
	snprintf(t->teks, sizeof(t->teks), "Saya netral, versi perbaikan.");
	token_sha256_hex(t->teks, strlen(t->teks), t->teks_sha256);
	assert_int_eq(store_templat_update(S, t), 0);
	int64_t kid = open_campaign(&w, "instansi");
	sign(&w, kid, 0, "TPX0000001");
	COMMIT();
	assert_int_eq(store_templat_get(S, w.templat_id, t), 0);
	assert_str_eq(t->teks, "Saya netral, versi perbaikan.");
	assert_int_eq(t->n_signed, 1);
	/* signed: the database refuses any edit */
	BEGIN_W();
	snprintf(t->teks, sizeof(t->teks), "Diam-diam diubah.");
	assert_int_eq(store_templat_update(S, t), APP_ECONSTRAINT);
	store_tx_rollback(S);
	assert_int_eq(store_templat_get(S, w.templat_id, t), 0);
	assert_str_eq(t->teks, "Saya netral, versi perbaikan.");
	free(t);
}

struct count {
	int n;
	int64_t total, signed_;
	char last[19];
};

static int count_templat(void *ctx, const struct dok_templat *t)
{
	struct count *c = ctx;
	c->n++;
	assert_str_eq(t->teks, ""); /* lists leave the text out */
	return 0;
}

static int count_kampanye(void *ctx, const struct kampanye *k)
{
	(void)k;
	((struct count *)ctx)->n++;
	return 0;
}

static int count_pegawai(void *ctx, const struct pegawai *p)
{
	struct count *c = ctx;
	c->n++;
	snprintf(c->last, sizeof(c->last), "%s", p->nip);
	return 0;
}

static int sum_progress(void *ctx, const struct kampanye_progress *p)
{
	struct count *c = ctx;
	c->n++;
	c->total += p->total;
	c->signed_ += p->signed_;
	return 0;
}

static int count_id(void *ctx, int64_t id)
{
	(void)id;
	((struct count *)ctx)->n++;
	return 0;
}

static void campaigns_scope_and_progress(void **state)
{
	(void)state;
	struct world w;
	make_world("SCP", 2, &w);
	BEGIN_W();
	int64_t all = open_campaign(&w, "instansi");
	int64_t by_unit = open_campaign(&w, "unit");
	int64_t by_nip = open_campaign(&w, "nip");
	assert_int_eq(store_kampanye_add_unit(S, by_unit, w.u2), 0);
	assert_int_eq(store_kampanye_add_unit(S, by_unit, w.u2), 0); /* twice: once */
	assert_int_eq(store_kampanye_add_nip(S, by_nip, w.nip[1]), 0);
	assert_int_eq(store_kampanye_add_nip(S, by_nip, w.nip[3]), 0); /* retired: never in scope */
	COMMIT();
	struct kampanye k;
	assert_int_eq(store_kampanye_get(S, by_unit, &k), 0);
	assert_str_eq(k.cakupan, "unit");
	assert_str_eq(k.instansi_path, w.in.path);
	assert_int_eq(k.tenggat_hari, 20000);
	assert_int_eq(store_kampanye_get(S, 999999, &k), APP_ENOTFOUND);
	struct count c = { 0 };
	assert_int_eq(store_kampanye_units(S, by_unit, count_id, &c), 0);
	assert_int_eq(c.n, 1);
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_kampanye_list(S, w.in.path, count_kampanye, &c), 0);
	assert_int_eq(c.n, 3);
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_templat_list(S, w.in.id, count_templat, &c), 0);
	assert_int_eq(c.n, 1);

	int in;
	assert_int_eq(store_kampanye_in_scope(S, all, w.nip[0], &in), 0);
	assert_int_eq(in, 1);
	assert_int_eq(store_kampanye_in_scope(S, all, w.nip[3], &in), 0);
	assert_int_eq(in, 0); /* not active */
	assert_int_eq(store_kampanye_in_scope(S, by_unit, w.nip[0], &in), 0);
	assert_int_eq(in, 0);
	assert_int_eq(store_kampanye_in_scope(S, by_unit, w.nip[2], &in), 0);
	assert_int_eq(in, 1);
	assert_int_eq(store_kampanye_in_scope(S, by_nip, w.nip[1], &in), 0);
	assert_int_eq(in, 1);
	assert_int_eq(store_kampanye_in_scope(S, by_nip, w.nip[2], &in), 0);
	assert_int_eq(in, 0);
	assert_int_eq(store_kampanye_in_scope(S, by_nip, w.nip[3], &in), 0);
	assert_int_eq(in, 0);
	assert_int_eq(store_kampanye_in_scope(S, all, "000000000000000000", &in), 0);
	assert_int_eq(in, 0);

	BEGIN_W();
	sign(&w, all, 0, "SCP0000001");
	COMMIT();
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_kampanye_progress(S, all, sum_progress, &c), 0);
	assert_int_eq(c.n, 2);       /* U1 and U2 */
	assert_int_eq(c.total, 3);   /* the retired one is not counted */
	assert_int_eq(c.signed_, 1);
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_kampanye_scope_list(S, all, 0, 1, count_pegawai, &c), 0);
	assert_int_eq(c.n, 2);       /* not signed yet */
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_kampanye_scope_list(S, all, w.u2, 0, count_pegawai, &c), 0);
	assert_int_eq(c.n, 1);
	assert_str_eq(c.last, w.nip[2]);
	memset(&c, 0, sizeof(c));
	assert_int_eq(store_kampanye_progress(S, by_nip, sum_progress, &c), 0);
	assert_int_eq(c.total, 1);
	assert_int_eq(c.signed_, 0);
}

static void signatures_once(void **state)
{
	(void)state;
	struct world w;
	make_world("TTD", 3, &w);
	BEGIN_W();
	int64_t kid = open_campaign(&w, "instansi");
	sign(&w, kid, 1, "TTD0000001");
	COMMIT();
	struct tanda_tangan t;
	assert_int_eq(store_ttd_get(S, kid, w.nip[1], &t), 0);
	assert_str_eq(t.kode, "TTD0000001");
	assert_int_eq(t.kunci_id, w.key_id);
	assert_int_eq(store_ttd_get_by_kode(S, "TTD0000001", &t), 0);
	assert_str_eq(t.nip, w.nip[1]);
	assert_int_eq(store_ttd_get(S, kid, w.nip[0], &t), APP_ENOTFOUND);
	assert_int_eq(store_ttd_get_by_kode(S, "ZZZZZZZZZZ", &t), APP_ENOTFOUND);
	/* a second signature of the same NIP and campaign is a conflict */
	BEGIN_W();
	struct tanda_tangan dup = { .kampanye_id = kid, .templat_id = w.templat_id,
				    .pegawai_id = w.peg[1], .signed_ms = 1, .kunci_id = w.key_id };
	snprintf(dup.nip, sizeof(dup.nip), "%s", w.nip[1]);
	memset(dup.doc_sha256, 'd', 64);
	snprintf(dup.payload, sizeof(dup.payload), "WSD1.dup");
	snprintf(dup.kode, sizeof(dup.kode), "TTD0000002");
	assert_int_eq(store_ttd_insert(S, &dup), APP_ECONFLICT);
	store_tx_rollback(S);
	/* so is a verification code taken */
	BEGIN_W();
	snprintf(dup.nip, sizeof(dup.nip), "%s", w.nip[0]);
	dup.pegawai_id = w.peg[0];
	snprintf(dup.kode, sizeof(dup.kode), "TTD0000001");
	assert_int_eq(store_ttd_insert(S, &dup), APP_ECONFLICT);
	store_tx_rollback(S);
	/* a code outside the alphabet is refused by the schema */
	BEGIN_W();
	snprintf(dup.kode, sizeof(dup.kode), "TTD000000U");
	assert_int_eq(store_ttd_insert(S, &dup), APP_ECONSTRAINT);
	store_tx_rollback(S);
	struct instansi_key k;
	assert_int_eq(store_instansi_key_get(S, w.key_id, &k), 0);
	assert_int_eq(k.instansi_id, w.in.id);
	assert_str_eq(k.secret_hex, ""); /* never the secret */
	assert_int_eq(store_instansi_key_get(S, 999999, &k), APP_ENOTFOUND);
}

static void activation_codes(void **state)
{
	(void)state;
	struct world w;
	make_world("AKT", 4, &w);
	struct kode_aktivasi a = { .pegawai_id = w.peg[0], .expires_ms = 4000000000000LL };
	snprintf(a.nip, sizeof(a.nip), "%s", w.nip[0]);
	memset(a.kode_hash, '1', 64);
	snprintf(a.created_by, sizeof(a.created_by), "uji");
	BEGIN_W();
	assert_int_eq(store_aktivasi_insert(S, &a), 0);
	int64_t first = a.id;
	/* a new code revokes the older unused one */
	a.id = 0;
	a.created_ms = 0;
	memset(a.kode_hash, '2', 64);
	assert_int_eq(store_aktivasi_insert(S, &a), 0);
	COMMIT();
	assert_true(a.id != first);
	struct kode_aktivasi cur;
	assert_int_eq(store_aktivasi_current(S, w.nip[0], &cur), 0);
	assert_int_eq(cur.id, a.id);
	assert_int_eq(cur.kode_hash[0], '2');
	assert_int_eq(cur.kampanye_id, 0);
	assert_int_eq(store_aktivasi_current(S, w.nip[1], &cur), APP_ENOTFOUND);
	BEGIN_W();
	assert_int_eq(store_aktivasi_mark_used(S, a.id, 1795000000000LL), 0);
	COMMIT();
	/* used: gone, and a second use is a conflict */
	assert_int_eq(store_aktivasi_current(S, w.nip[0], &cur), APP_ENOTFOUND);
	BEGIN_W();
	assert_int_eq(store_aktivasi_mark_used(S, a.id, 1), APP_ECONFLICT);
	store_tx_rollback(S);
	BEGIN_W();
	assert_int_eq(store_aktivasi_mark_used(S, first, 1), APP_ECONFLICT); /* revoked */
	store_tx_rollback(S);

	/* the asn account of a NIP */
	int64_t uid = 0;
	assert_int_eq(store_user_asn_by_nip(S, w.nip[0], &uid), APP_ENOTFOUND);
	BEGIN_W();
	struct user u = { .instansi_id = w.in.id };
	snprintf(u.username, sizeof(u.username), "%s", w.nip[0]);
	snprintf(u.nama, sizeof(u.nama), "Pegawai 0");
	snprintf(u.role, sizeof(u.role), "asn");
	snprintf(u.nip, sizeof(u.nip), "%s", w.nip[0]);
	snprintf(u.password_hash, sizeof(u.password_hash), "x");
	assert_int_eq(store_user_insert(S, &u), 0);
	COMMIT();
	assert_int_eq(store_user_asn_by_nip(S, w.nip[0], &uid), 0);
	assert_int_eq(uid, u.id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(templates_versions_and_signed_rule),
		cmocka_unit_test(campaigns_scope_and_progress),
		cmocka_unit_test(signatures_once),
		cmocka_unit_test(activation_codes),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store kampanye", tests, open_suite, close_suite);
}
