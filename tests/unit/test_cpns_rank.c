#include "core/compat.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "app/cpns_rank.h"
#include "test_helpers.h"
#include "cpns_fixture.h"

/* One applicant row: id, formation, status, scores (nik made unique). */
static void row(struct buf *b, unsigned id, unsigned form, const char *hadir, int twk, int tiu, int tkp)
{
	int rc;
	if (twk < 0)
		rc = buf_addf(b, "%u,32010101900%05u,%u,1990-01-01,%s,,,\n", id, id, form, hadir);
	else
		rc = buf_addf(b, "%u,32010101900%05u,%u,1990-01-01,%s,%d,%d,%d\n", id, id, form, hadir, twk, tiu, tkp);
	assert_int_eq(rc, 0);
}

static void rank_all(struct fx *x, const char *forms, const char *apps)
{
	assert_int_eq(fx_load(x, forms, apps), 0);
	assert_int_eq(x->pe.n, 0);
	cpns_rank(&x->r, &x->f, &x->p);
}

#define ST(x, id) (fx_app((x), (id))->status)
#define RK(x, id) (fx_app((x), (id))->rank)

/* Each kind at its threshold passes and one step below fails, per field. */
static void passing_grade_per_kind(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	/* umum (f1): TWK >= 65, TIU >= 80, TKP >= 166, each on its own. */
	row(&b, 1, 1, "H", 65, 80, 166);   /* exactly: pass */
	row(&b, 2, 1, "H", 60, 175, 225);  /* TWK one step below */
	row(&b, 3, 1, "H", 150, 75, 225);  /* TIU one step below */
	row(&b, 4, 1, "H", 150, 175, 165); /* TKP one below */
	/* cumlaude (f2) and diaspora (f3): total >= 311 and TIU >= 85. */
	row(&b, 5, 2, "H", 10, 85, 216);   /* total 311, TIU 85: pass, TWK 10 is fine */
	row(&b, 6, 2, "H", 10, 85, 215);   /* total 310 */
	row(&b, 7, 2, "H", 150, 80, 225);  /* TIU 80 < 85 */
	row(&b, 8, 3, "H", 0, 85, 225);    /* diaspora: total 310 */
	row(&b, 9, 3, "H", 5, 85, 221);    /* total 311 */
	/* disabilitas (f4), papua (f5), tertinggal (f6): total >= 286, TIU >= 60. */
	row(&b, 10, 4, "H", 0, 55, 225);   /* total 280 and TIU 55 */
	row(&b, 11, 4, "H", 0, 60, 225);   /* total 285 */
	row(&b, 12, 5, "H", 5, 60, 221); /* total 286 */
	row(&b, 13, 5, "H", 150, 55, 225); /* TIU 55 < 60 */
	row(&b, 14, 6, "H", 10, 60, 216);  /* total 286 */
	row(&b, 15, 6, "H", 10, 60, 215);  /* total 285 */
	row(&b, 16, 4, "H", 5, 60, 221);   /* total 286 */
	struct fx x;
	rank_all(&x, "1,1,A,10,umum\n2,1,A,10,cumlaude\n3,1,A,10,diaspora\n"
		     "4,1,A,10,disabilitas\n5,1,A,10,papua\n6,1,A,10,tertinggal\n", b.ptr);
	static const struct { unsigned id; int pass; } want[] = {
		{ 1, 1 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 5, 1 }, { 6, 0 }, { 7, 0 }, { 8, 0 },
		{ 9, 1 }, { 10, 0 }, { 11, 0 }, { 12, 1 }, { 13, 0 }, { 14, 1 }, { 15, 0 }, { 16, 1 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		unsigned st = ST(&x, want[i].id);
		if ((st == CPNS_PL) != want[i].pass || (!want[i].pass && st != CPNS_TL)) {
			print_error("applicant %u: status %u, expected %s\n", want[i].id, st,
				    want[i].pass ? "P/L" : "TL");
			fail();
		}
	}
	/* TL has no rank; passers do. */
	assert_int_eq(RK(&x, 2), 0);
	assert_int_eq(RK(&x, 1), 1);
	fx_free(&x);
	buf_release(&b);
}

/* quota 1: the cut-off is rank 3; ties at it all go through (competition
 * ranking 1, 2, 3, 3, 5), and the next one is P. */
static void ties_at_cutoff_all_admitted(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	row(&b, 1, 7, "H", 100, 150, 200);
	row(&b, 2, 7, "H", 100, 140, 200);
	row(&b, 3, 7, "H", 100, 130, 200);
	row(&b, 4, 7, "H", 100, 130, 200); /* same on every key as 3 */
	row(&b, 5, 7, "H", 100, 120, 200);
	struct fx x;
	rank_all(&x, "7,1,A,1,umum\n", b.ptr);
	unsigned rk[] = { 1, 2, 3, 3, 5 }, st[] = { CPNS_PL, CPNS_PL, CPNS_PL, CPNS_PL, CPNS_P };
	for (unsigned i = 0; i < 5; i++) {
		assert_int_eq(RK(&x, i + 1), rk[i]);
		assert_int_eq(ST(&x, i + 1), st[i]);
	}
	fx_free(&x);
	buf_release(&b);
}

/* Ties below the cut-off share a rank and the next rank skips (1,2,2,4);
 * totals tie-break on TKP, then TIU, then TWK. */
static void competition_ranking_and_tiebreak(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	/* all total 400 */
	row(&b, 1, 8, "H", 100, 100, 200); /* tkp 200 */
	row(&b, 2, 8, "H", 95, 105, 200);  /* tkp 200, tiu 105: beats 1 */
	row(&b, 3, 8, "H", 105, 95, 200);  /* tkp 200, tiu 95: below 1 */
	row(&b, 4, 8, "H", 80, 100, 220);  /* tkp 220: best */
	row(&b, 5, 8, "H", 100, 100, 200); /* same as 1 */
	row(&b, 6, 8, "H", 150, 175, 225); /* total 550: first overall */
	/* formation 9, quota 2 (cut 6): ties far below stay P together */
	for (unsigned i = 0; i < 6; i++)
		row(&b, 10 + i, 9, "H", 150, 175, 225 - i);
	row(&b, 16, 9, "H", 100, 100, 180);
	row(&b, 17, 9, "H", 100, 100, 180);
	row(&b, 18, 9, "H", 100, 100, 179);
	struct fx x;
	rank_all(&x, "8,1,A,10,umum\n9,1,A,2,umum\n", b.ptr);
	assert_int_eq(RK(&x, 6), 1);
	assert_int_eq(RK(&x, 4), 2);
	assert_int_eq(RK(&x, 2), 3);
	assert_int_eq(RK(&x, 1), 4);
	assert_int_eq(RK(&x, 5), 4);
	assert_int_eq(RK(&x, 3), 6);
	assert_int_eq(RK(&x, 16), 7);
	assert_int_eq(RK(&x, 17), 7);
	assert_int_eq(RK(&x, 18), 9);
	assert_int_eq(ST(&x, 15), CPNS_PL);
	assert_int_eq(ST(&x, 16), CPNS_P);
	assert_int_eq(ST(&x, 17), CPNS_P);
	assert_int_eq(ST(&x, 18), CPNS_P);
	fx_free(&x);
	buf_release(&b);
}

/* TWK decides when total, TKP and TIU tie. */
static void twk_is_last_tiebreak(void **state)
{
	(void)state;
	struct cpns_rules r;
	fx_rules(&r);
	struct cpns_applicant a = { .twk = 100, .tiu = 100, .tkp = 200 };
	struct cpns_applicant c = { .twk = 105, .tiu = 100, .tkp = 195 };
	/* c: same total 400, lower TKP: a must rank above */
	assert_true(cpns_rank_key(&r, &a) > cpns_rank_key(&r, &c));
	struct cpns_applicant d = { .twk = 105, .tiu = 95, .tkp = 200 };
	assert_true(cpns_rank_key(&r, &a) > cpns_rank_key(&r, &d));
	struct cpns_applicant e = { .twk = 100, .tiu = 100, .tkp = 200 };
	assert_true(cpns_rank_key(&r, &a) == cpns_rank_key(&r, &e));
	assert_int_eq(cpns_rank_key_bits(&r), 10 + 8 + 6 + 5);
}

/* No passers: everyone TL, no rank; TH and DIS are kept as they are;
 * formations without applicants are fine. */
static void no_passers_and_absent(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	row(&b, 1, 3, "H", 60, 75, 160);
	row(&b, 2, 3, "H", 0, 0, 0);
	row(&b, 3, 3, "TH", -1, 0, 0);
	row(&b, 4, 3, "DIS", 150, 175, 225);
	struct fx x;
	rank_all(&x, "3,1,A,1,umum\n4,1,A,5,papua\n", b.ptr);
	assert_int_eq(ST(&x, 1), CPNS_TL);
	assert_int_eq(ST(&x, 2), CPNS_TL);
	assert_int_eq(ST(&x, 3), CPNS_TH);
	assert_int_eq(ST(&x, 4), CPNS_DIS);
	for (unsigned i = 1; i <= 4; i++)
		assert_int_eq(RK(&x, i), 0);
	fx_free(&x);
	buf_release(&b);
}

/* Applicants spread over many formations land in their own formation's
 * ranking regardless of input order. */
static void formations_are_separate(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	for (unsigned i = 0; i < 40; i++)
		row(&b, 100 - i, 1 + i % 4, "H", 100, 100, 170 + i);
	struct fx x;
	rank_all(&x, "1,1,A,1,umum\n2,1,A,1,umum\n3,2,A,1,umum\n4,2,A,1,umum\n", b.ptr);
	/* formation f gets i = f-1, f+3, ...: the last of them has the best TKP */
	for (unsigned f = 1; f <= 4; f++) {
		unsigned pl = 0;
		for (unsigned i = f - 1; i < 40; i += 4) {
			unsigned want = (unsigned)((39 - i) / 4) + 1;
			assert_int_eq(RK(&x, 100 - i), want);
			pl += ST(&x, 100 - i) == CPNS_PL;
		}
		assert_int_eq(pl, 3);
	}
	assert_non_null(x.p.order); /* ids were decreasing */
	assert_int_eq(x.p.v[x.p.order[0]].id, 61);
	fx_free(&x);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(passing_grade_per_kind),
		cmocka_unit_test(ties_at_cutoff_all_admitted),
		cmocka_unit_test(competition_ranking_and_tiebreak),
		cmocka_unit_test(twk_is_last_tiebreak),
		cmocka_unit_test(no_passers_and_absent),
		cmocka_unit_test(formations_are_separate),
	};
	return RUN_TESTS("cpns_rank", tests);
}
