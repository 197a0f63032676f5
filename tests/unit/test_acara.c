/* app/acara on an in-memory store with the demo data: WIB times, event
 * validation and scope, attendance by list and CSV (strict, partial,
 * idempotent, line numbers), check-in window/target/rate limit, material
 * files, and coverage counts. */
#include "core/compat.h"
#include "app/acara.h"
#include "app/auth.h"
#include "app/seed.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "store/store.h"
#include "core/csv.h"
#include "test_helpers.h"
#include <time.h>

static struct store *S;
static struct principal ADMIN, BK, BK_SMG, ASN, ASN_B, AUD;
static char NIPS[64][19];
static int NNIPS;
static char NIP_SMG[19];

static void officer(struct principal *p, enum role r, const char *kode)
{
	struct instansi in;
	memset(p, 0, sizeof(*p));
	assert_int_eq(store_instansi_get_by_kode(S, kode, &in), 0);
	p->user_id = 900 + r;
	p->role = r;
	p->instansi_id = in.id;
	snprintf(p->username, sizeof(p->username), "t-%s-%s", role_name(r), kode);
	snprintf(p->scope_path, sizeof(p->scope_path), "%s", in.path);
}

struct pick {
	char (*v)[19];
	int n, max;
};

static int pick(void *ctx, const struct pegawai *e)
{
	struct pick *x = ctx;
	if (!strcmp(e->status, "aktif") && x->n < x->max)
		memcpy(x->v[x->n++], e->nip, 19);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	int from, to;
	struct seed_stats st;
	if (store_open("sqlite::memory:", &S) || store_migrate(S, &from, &to) || seed_demo(S, &st))
		return -1;
	auth_principal_cli("test", &ADMIN);
	officer(&BK, ROLE_BKPSDM, "3302");
	officer(&BK_SMG, ROLE_BKPSDM, "3374");
	officer(&AUD, ROLE_AUDITOR, "3302");
	struct instansi in;
	store_instansi_get_by_kode(S, "3302", &in);
	struct pick x = { NIPS, 0, 64 };
	struct pegawai_filter f = { .scope_path = "/", .instansi_id = in.id };
	if (registry_list(S, &ADMIN, &f, pick, &x))
		return -1;
	NNIPS = x.n;
	store_instansi_get_by_kode(S, "3374", &in);
	char one[1][19];
	struct pick y = { one, 0, 1 };
	f.instansi_id = in.id;
	if (registry_list(S, &ADMIN, &f, pick, &y) || y.n != 1)
		return -1;
	memcpy(NIP_SMG, one[0], 19);
	officer(&ASN, ROLE_ASN, "3302");
	memcpy(ASN.nip, NIPS[0], 19);
	ASN.user_id = 7001;
	officer(&ASN_B, ROLE_ASN, "3374");
	memcpy(ASN_B.nip, NIP_SMG, 19);
	ASN_B.user_id = 7002;
	return NNIPS >= 10 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	store_close(S);
	return 0;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void times_in_wib(void **state)
{
	(void)state;
	int64_t ms;
	char out[24];
	assert_int_eq(acara_parse_time("2026-11-23T07:30", &ms), 0);
	/* 07:30 WIB is 00:30 UTC */
	assert_int_eq(ms, (int64_t)date_to_days(2026, 11, 23) * 86400000LL + 30 * 60000LL);
	acara_format_time(ms, out, sizeof(out));
	assert_str_eq(out, "2026-11-23T07:30");
	assert_int_eq(acara_parse_time("2026-11-23 00:05", &ms), 0);
	acara_format_time(ms, out, sizeof(out));
	assert_str_eq(out, "2026-11-23T00:05"); /* the previous UTC day */
	assert_true(acara_parse_time("2026-11-23T24:00", &ms) != 0);
	assert_true(acara_parse_time("2026-02-30T10:00", &ms) != 0);
	assert_true(acara_parse_time("2026-11-23", &ms) != 0);
	assert_true(acara_parse_time(NULL, &ms) != 0);
	assert_int_eq(acara_day_start_ms(date_to_days(2026, 1, 2)),
		      (int64_t)date_to_days(2026, 1, 2) * 86400000LL - 7 * 3600000LL);
	assert_int_eq(acara_permil(2, 3), 667);
	assert_int_eq(acara_permil(0, 0), 0);
	assert_int_eq(acara_permil(5, 5), 1000);
}

static void fmt(char *out, int64_t ms)
{
	acara_format_time(ms, out, 24);
}

static int64_t make_event(const struct principal *p, const char *jenis, int64_t mulai, int64_t selesai,
			  const char *sasaran, struct acara *out)
{
	char m[24], s[24];
	fmt(m, mulai);
	fmt(s, selesai);
	struct acara_input in = {
		.jenis = jenis, .topik = "Uji", .mulai = m, .selesai = s, .tempat = "Aula",
		.instansi_kode = "3302", .sasaran_unit_kode = sasaran,
	};
	struct field_errors fe;
	int rc = acara_save(S, p, 0, &in, out, &fe);
	assert_int_eq(rc, 0);
	return out->id;
}

static int has_field(const struct field_errors *fe, const char *f)
{
	for (int i = 0; i < fe->n; i++)
		if (!strcmp(fe->e[i].field, f))
			return 1;
	return 0;
}

static void save_validates_and_scopes(void **state)
{
	(void)state;
	struct acara a;
	struct field_errors fe;
	struct acara_input in = {
		.jenis = "rapat", .topik = "  ", .mulai = "2026-11-23T10:00", .selesai = "2026-11-23T09:00",
		.tempat = "", .tautan = "ftp://x", .instansi_kode = "3302", .unit_kode = "NOPE",
	};
	assert_int_eq(acara_save(S, &BK, 0, &in, &a, &fe), APP_EINVAL);
	assert_true(has_field(&fe, "jenis"));
	assert_true(has_field(&fe, "topik"));
	assert_true(has_field(&fe, "selesai"));
	assert_true(has_field(&fe, "tautan"));
	assert_true(has_field(&fe, "unit_kode"));
	in = (struct acara_input){ .jenis = "apel", .topik = "T", .mulai = "2026-11-23T10:00",
				   .selesai = "2026-11-23T11:00", .instansi_kode = "3302" };
	assert_int_eq(acara_save(S, &BK, 0, &in, &a, &fe), APP_EINVAL);
	assert_true(has_field(&fe, "tempat")); /* a place or a link */
	in.tautan = "https://zoom.example/j/1";
	assert_int_eq(acara_save(S, &BK, 0, &in, &a, &fe), 0);
	assert_int_eq((int)strlen(a.kode), 6);
	/* out of scope: Semarang's bkpsdm cannot read or edit it, nor create in 3302 */
	struct acara b;
	assert_int_eq(acara_get(S, &BK_SMG, a.id, &b), APP_ENOTFOUND);
	assert_int_eq(acara_save(S, &BK_SMG, a.id, &in, &b, &fe), APP_ENOTFOUND);
	assert_int_eq(acara_save(S, &BK_SMG, 0, &in, &b, &fe), APP_EINVAL);
	assert_true(has_field(&fe, "instansi_kode"));
	/* roles */
	assert_int_eq(acara_save(S, &AUD, 0, &in, &b, &fe), APP_EPERM);
	assert_int_eq(acara_get(S, &AUD, a.id, &b), 0);
	assert_int_eq(acara_get(S, &ASN, a.id, &b), APP_EPERM);
	/* edit keeps the code */
	in.topik = "T2";
	assert_int_eq(acara_save(S, &BK, a.id, &in, &b, &fe), 0);
	assert_str_eq(b.kode, a.kode);
	assert_str_eq(b.topik, "T2");
}

struct errs {
	int n;
	int64_t line[16];
	enum msg_id msg[16];
	char value[128]; /* the first error's */
};

static int on_error(void *ctx, const struct import_error *e)
{
	struct errs *x = ctx;
	if (!x->n)
		snprintf(x->value, sizeof(x->value), "%s", e->value ? e->value : "");
	if (x->n < 16) {
		x->line[x->n] = e->line;
		x->msg[x->n] = e->msg;
	}
	x->n++;
	return 0;
}

static int import(int64_t id, const char *csv, int partial, struct acara_hadir_stats *st, struct errs *x)
{
	memset(x, 0, sizeof(*x));
	FILE *f = fmemopen((void *)csv, strlen(csv), "r");
	struct import_opts o = { .partial = partial, .on_error = on_error, .error_ctx = x };
	int rc = acara_hadir_import_csv(S, &BK, id, f, &o, st);
	fclose(f);
	return rc;
}

static void attendance_import_and_ticks(void **state)
{
	(void)state;
	struct acara a;
	int64_t now = now_ms();
	int64_t id = make_event(&BK, "sosialisasi", now - 3600000, now + 3600000, "", &a);
	char csv[1024];
	snprintf(csv, sizeof(csv), "nama,NIP\nsatu,%s\ndua,%s\n,%s\nluar,%s\nrusak,12\n", NIPS[1], NIPS[2],
		 NIPS[1], NIP_SMG);
	struct acara_hadir_stats st;
	struct errs x;
	assert_int_eq(import(id, csv, 0, &st, &x), APP_EINVAL);
	assert_int_eq(x.n, 2);
	assert_int_eq(x.line[0], 5);
	assert_int_eq(x.msg[0], M_ACARA_NIP_UNKNOWN); /* out of the officer's scope: not found */
	assert_int_eq(x.line[1], 6);
	assert_int_eq(st.committed, 0);
	assert_int_eq(st.baru, 0);
	struct acara b;
	assert_int_eq(acara_get(S, &BK, id, &b), 0);
	assert_int_eq(b.hadir, 0);
	assert_int_eq(import(id, csv, 1, &st, &x), 0);
	assert_int_eq(st.rows, 5);
	assert_int_eq(st.ok, 3);
	assert_int_eq(st.bad, 2);
	assert_int_eq(st.baru, 2);
	assert_int_eq(st.sudah, 1); /* the repeated NIP in the file */
	assert_int_eq(import(id, csv, 1, &st, &x), 0);
	assert_int_eq(st.baru, 0);
	assert_int_eq(st.sudah, 3);
	/* a long non-ASCII cell is reported cut before a character: 63 bytes
	 * of two-byte letters would end inside the 32nd */
	char wide[256];
	size_t w = (size_t)snprintf(wide, sizeof(wide), "nama,nip\nx,");
	for (int k = 0; k < 40; k++)
		w += (size_t)snprintf(wide + w, sizeof(wide) - w, "\xC3\xA9");
	snprintf(wide + w, sizeof(wide) - w, "\n");
	assert_int_eq(import(id, wide, 0, &st, &x), APP_EINVAL);
	assert_int_eq(x.n, 1);
	assert_int_eq(strlen(x.value), 62);
	assert_true(csv_utf8_valid(x.value, strlen(x.value)));
	/* no nip column */
	assert_int_eq(import(id, "nama\nx\n", 1, &st, &x), APP_EINVAL);
	assert_int_eq(x.msg[0], M_ACARA_NIP_COLUMN);
	/* ticks: the spaced NIP form is accepted; a bad one refuses the list */
	char spaced[24];
	snprintf(spaced, sizeof(spaced), "%.8s %.6s %.1s %.3s", NIPS[3], NIPS[3] + 8, NIPS[3] + 14, NIPS[3] + 15);
	const char *ok[] = { spaced, NIPS[4] };
	struct import_opts o = { .on_error = on_error, .error_ctx = &x };
	memset(&x, 0, sizeof(x));
	assert_int_eq(acara_hadir_nips(S, &BK, id, ok, 2, &o, &st), 0);
	assert_int_eq(st.baru, 2);
	const char *bad[] = { NIPS[5], NIP_SMG };
	memset(&x, 0, sizeof(x));
	assert_int_eq(acara_hadir_nips(S, &BK, id, bad, 2, &o, &st), APP_EINVAL);
	assert_int_eq(x.line[0], 2);
	assert_int_eq(acara_get(S, &BK, id, &b), 0);
	assert_int_eq(b.hadir, 4);
	/* a Semarang officer cannot record here; an auditor cannot record */
	assert_int_eq(acara_hadir_nips(S, &BK_SMG, id, ok, 2, NULL, &st), APP_ENOTFOUND);
	assert_int_eq(acara_hadir_nips(S, &AUD, id, ok, 2, NULL, &st), APP_EPERM);
}

static void checkin_window_target_rate(void **state)
{
	(void)state;
	struct acara a, got;
	int64_t now = now_ms();
	make_event(&BK, "apel", now - 60000, now + 60000, "", &a);
	int ins = -1;
	enum msg_id why;
	assert_int_eq(acara_checkin(S, &ASN, a.kode, now, &got, &ins, &why), 0);
	assert_int_eq(ins, 1);
	assert_int_eq(acara_checkin(S, &ASN, a.kode, now, &got, &ins, &why), 0);
	assert_int_eq(ins, 0);
	/* the window is [mulai, selesai) */
	assert_int_eq(acara_checkin(S, &ASN, a.kode, a.selesai_ms, &got, &ins, &why), APP_EINVAL);
	assert_int_eq(why, M_ACARA_SUDAH_SELESAI);
	assert_int_eq(acara_checkin(S, &ASN, a.kode, a.mulai_ms - 1, &got, &ins, &why), APP_EINVAL);
	assert_int_eq(why, M_ACARA_BELUM_MULAI);
	assert_int_eq(acara_checkin(S, &ASN, "nope!", now, &got, &ins, &why), APP_ENOTFOUND);
	assert_int_eq(why, M_ACARA_KODE_UNKNOWN);
	assert_int_eq(acara_checkin(S, &ASN_B, a.kode, now, &got, &ins, &why), APP_EPERM);
	assert_int_eq(why, M_ACARA_BUKAN_SASARAN);
	assert_int_eq(acara_checkin(S, &BK, a.kode, now, &got, &ins, &why), APP_EPERM);
	assert_int_eq(why, M_ACARA_ASN_ONLY);
	/* a target unit the employee is not in */
	struct acara u;
	struct pegawai e;
	struct unit_kerja uk = { 0 };
	assert_int_eq(store_pegawai_get_by_nip(S, ASN.nip, &e), 0);
	if (e.unit_id)
		assert_int_eq(store_unit_get(S, e.unit_id, &uk), 0);
	make_event(&BK, "apel", now - 60000, now + 60000, strcmp(uk.kode, "SETDA") ? "SETDA" : "DINKES", &u);
	assert_int_eq(acara_checkin(S, &ASN, u.kode, now, &got, &ins, &why), APP_EPERM);
	assert_int_eq(why, M_ACARA_BUKAN_SASARAN);
	/* ASN_B used 1 attempt; 9 more pass the limiter, the 11th is refused */
	for (int i = 0; i < ACARA_CHECKIN_PER_WINDOW - 1; i++)
		acara_checkin(S, &ASN_B, "XXXX", now, &got, &ins, &why);
	assert_int_eq(acara_checkin(S, &ASN_B, a.kode, now, &got, &ins, &why), APP_EBUSY);
	assert_int_eq(why, M_ACARA_TOO_MANY);
}

static int count_materi(void *ctx, const struct acara_materi *m)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static void material_files(void **state)
{
	(void)state;
	struct acara a;
	int64_t now = now_ms();
	make_event(&BK, "sosialisasi", now, now + 60000, "", &a);
	struct acara_materi m;
	enum msg_id why;
	static const char png[] = "\x89PNG\r\n\x1a\nrest";
	assert_int_eq(acara_materi_add(S, &BK, a.id, "C:\\Users\\x\\\"slide\";.png", png, sizeof(png), &m, &why), 0);
	assert_str_eq(m.nama, "slide.png");
	assert_str_eq(m.mime, "image/png");
	assert_int_eq(acara_materi_add(S, &BK, a.id, "x.txt", "", 0, &m, &why), APP_EINVAL);
	assert_int_eq(why, M_ACARA_MATERI_EMPTY);
	assert_int_eq(acara_materi_add(S, &BK, a.id, "../", "abc", 3, &m, &why), APP_EINVAL);
	assert_int_eq(acara_materi_add(S, &AUD, a.id, "a.txt", "abc", 3, &m, &why), APP_EPERM);
	assert_int_eq(acara_materi_add(S, &BK, a.id, "a.txt", "abc", 3, &m, &why), 0);
	assert_str_eq(m.mime, "text/plain; charset=utf-8");
	int n = 0;
	assert_int_eq(acara_materi_list(S, &ASN, a.id, count_materi, &n), 0);
	assert_int_eq(n, 2);
	assert_int_eq(acara_materi_list(S, &ASN_B, a.id, count_materi, &n), APP_ENOTFOUND);
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	assert_int_eq(acara_materi_get(S, &ASN, a.id, m.sha256, &m, &b), 0);
	assert_int_eq(b.len, 3);
	assert_int_eq(acara_materi_get(S, &BK_SMG, a.id, m.sha256, &m, &b), APP_ENOTFOUND);
	buf_release(&b);
}

static void coverage_counts(void **state)
{
	(void)state;
	/* A period of its own, far in the future, with one sosialisasi and one apel. */
	int32_t day = date_to_days(2030, 5, 6);
	int64_t t0 = acara_day_start_ms(day) + 3 * 3600000;
	struct acara s1, ap;
	make_event(&BK, "sosialisasi", t0, t0 + 3600000, "", &s1);
	make_event(&BK, "apel", t0, t0 + 3600000, "", &ap);
	const char *sos[] = { NIPS[0], NIPS[1], NIPS[2] };
	const char *apel[] = { NIPS[3], NIPS[4] };
	struct acara_hadir_stats st;
	assert_int_eq(acara_hadir_nips(S, &BK, s1.id, sos, 3, NULL, &st), 0);
	assert_int_eq(acara_hadir_nips(S, &BK, ap.id, apel, 2, NULL, &st), 0);
	struct acara_cakupan c;
	assert_int_eq(acara_cakupan(S, &BK, "3302", day, day, &c), 0);
	assert_int_eq(c.pegawai, NNIPS);
	assert_int_eq(c.terjangkau, 3); /* the apel does not count */
	int64_t sum = 0, reached = 0;
	for (size_t i = 0; i < c.n; i++) {
		sum += c.unit[i].pegawai;
		reached += c.unit[i].terjangkau;
		if (i)
			assert_true(strcmp(c.unit[i - 1].kode, c.unit[i].kode) < 0 || !c.unit[i].unit_id);
	}
	assert_int_eq(sum, NNIPS);
	assert_int_eq(reached, 3);
	acara_cakupan_release(&c);
	/* the day after: nobody */
	assert_int_eq(acara_cakupan(S, &BK, "3302", day + 1, day + 1, &c), 0);
	assert_int_eq(c.terjangkau, 0);
	acara_cakupan_release(&c);
	assert_int_eq(acara_cakupan(S, &BK_SMG, "3302", day, day, &c), APP_ENOTFOUND);
	assert_int_eq(acara_cakupan(S, &BK, "3302", day, day - 1, &c), APP_EINVAL);
	assert_int_eq(acara_cakupan(S, &ASN, "3302", day, day, &c), APP_EPERM);
	/* the CSV export: the unit table, a blank record, then the never-reached */
	assert_int_eq(acara_cakupan(S, &BK, "3302", day, day, &c), 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_eq(acara_cakupan_export_csv(S, &BK, &c, f), 0);
	fclose(f);
	acara_cakupan_release(&c);
	assert_non_null(strstr(text, "unit_kode,unit_nama,pegawai,terjangkau,belum,persen\r\n"));
	char want[64];
	snprintf(want, sizeof(want), ",JUMLAH,%d,3,%d,", NNIPS, NNIPS - 3);
	assert_non_null(strstr(text, want));
	assert_non_null(strstr(text, "\r\n\r\nnip,nama,unit_kode,unit_nama\r\n"));
	assert_null(strstr(text, NIPS[0]));
	assert_non_null(strstr(text, NIPS[5]));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(times_in_wib),
		cmocka_unit_test(save_validates_and_scopes),
		cmocka_unit_test(attendance_import_and_ticks),
		cmocka_unit_test(checkin_window_target_rate),
		cmocka_unit_test(material_files),
		cmocka_unit_test(coverage_counts),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("acara", tests, setup, teardown);
}
