#include "core/compat.h"
#include "core/buf.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "app/cpns_final.h"
#include "app/cpns_final_read.h"
#include "app/cpns_rank.h"
#include "test_helpers.h"
#include "cpns_fixture.h"

static void fmt_is(uint64_t n, uint64_t d, const char *want)
{
	char b[32];
	cpns_frac_format(n, d, b, sizeof(b));
	assert_str_eq(b, want);
}

/* The arithmetic of docs/cpns.md on hand-checked numbers. */
static void score_arithmetic(void **state)
{
	(void)state;
	struct cpns_rules r;
	fx_rules(&r);
	struct cpns_final_entry e;
	/* SKB-CAT alone, 465/550: SKB 84.5454..., final (40*400 + 60*46500/550... ) = 43900/550 */
	struct cpns_weights w1 = { 50, 0, 0 };
	struct cpns_skb_marks m1 = { .cat = 465, .cat_max = 550 };
	memset(&e, 0, sizeof(e));
	assert_int_eq(cpns_final_score(&r, 400, &w1, &m1, &e), 0);
	fmt_is(e.skb_num, e.skb_den, "84.545");
	fmt_is(e.num, e.den, "79.818");
	assert_true((unsigned __int128)e.num * 550 == (unsigned __int128)e.den * 43900);
	/* 50/30/20: SKB (50*80 + 30*75.5 + 20*90)/100 = 80.65; final
	 * 40*350/550 + 0.6*80.65 = 73.84454...: rounds half up to 73.845 */
	struct cpns_weights w2 = { 50, 30, 20 };
	struct cpns_skb_marks m2 = { .cat = 400, .cat_max = 500, .waw = 7550, .has_waw = 1, .tam = 9000, .has_tam = 1 };
	assert_int_eq(cpns_final_score(&r, 350, &w2, &m2, &e), 0);
	fmt_is(e.skb_num, e.skb_den, "80.650");
	fmt_is(e.num, e.den, "73.845");
	/* 40/30/0 normalised by the weights used: (40*80 + 30*80)/70 = 80 */
	struct cpns_weights w3 = { 40, 30, 0 };
	struct cpns_skb_marks m3 = { .cat = 400, .cat_max = 500, .waw = 8000, .has_waw = 1 };
	assert_int_eq(cpns_final_score(&r, 550, &w3, &m3, &e), 0);
	fmt_is(e.skb_num, e.skb_den, "80.000");
	fmt_is(e.num, e.den, "88.000"); /* 40 + 48 */
	/* without normalising, the weights are shares of 100 */
	r.skb_normalise = 0;
	assert_int_eq(cpns_final_score(&r, 550, &w1, &m3, &e), 0);
	fmt_is(e.skb_num, e.skb_den, "40.000");
	r.skb_normalise = 1;
	/* a weighted part without a score; a raw SKB-CAT above its maximum */
	struct cpns_skb_marks m4 = { .cat = 400, .cat_max = 500 };
	assert_int_eq(cpns_final_score(&r, 300, &w2, &m4, &e), M_CPNS_E_SKB_PART_MISSING);
	struct cpns_skb_marks m5 = { .cat = 505, .cat_max = 500 };
	assert_int_eq(cpns_final_score(&r, 300, &w1, &m5, &e), M_CPNS_E_SCORE_RANGE);
	/* rounding */
	fmt_is(1, 2000, "0.001");
	fmt_is(1, 2001, "0.000");
	fmt_is(2, 3, "0.667");
	fmt_is(100, 1, "100.000");
	/* decimals */
	assert_int_eq(cpns_parse_hundredths("80", 2, 10000), 8000);
	assert_int_eq(cpns_parse_hundredths("80.5", 4, 10000), 8050);
	assert_int_eq(cpns_parse_hundredths("3.75", 4, 10000), 375);
	assert_int_eq(cpns_parse_hundredths("100.01", 6, 10000), -1);
	assert_int_eq(cpns_parse_hundredths("1.234", 5, 10000), -1);
	assert_int_eq(cpns_parse_hundredths(".5", 2, 10000), -1);
	assert_int_eq(cpns_parse_hundredths("8,5", 3, 10000), -1);
}

/* Equal final scores fall through total, TKP, TIU, TWK, IPK, then the
 * older applicant, then applicant_id. */
static void final_tiebreaks(void **state)
{
	(void)state;
	struct fx x;
	const char *apps =
		"1,3201010101900001,1,1990-01-01,H,100,100,200\n"  /* total 400 */
		"2,3201010101900002,1,1990-01-01,H,100,105,200\n"  /* total 405 */
		"3,3201010101900003,1,1990-01-01,H,105,100,195\n"  /* 400, tkp 195 */
		"4,3201010101900004,1,1990-01-01,H,95,105,200\n"   /* 400, tiu 105 */
		"5,3201010101900005,1,1990-01-01,H,100,100,200\n"  /* as 1 */
		"6,3201010101900006,1,1985-06-01,H,100,100,200\n"  /* as 1, older */
		"7,3201010101900007,1,1990-01-01,H,105,95,200\n";  /* 400, twk 105 tiu 95 */
	assert_int_eq(fx_load(&x, "1,1,A,10,umum\n", apps), 0);
	cpns_rank(&x.r, &x.f, &x.p);
	struct cpns_final_entry e[8];
	memset(e, 0, sizeof(e));
	for (uint32_t i = 0; i < 7; i++) {
		e[i].row = i;
		e[i].has_skb = 1;
		e[i].num = 70;
		e[i].den = 1;
		e[i].ipk = 300;
	}
	e[4].ipk = 350; /* 5 beats 1 on IPK */
	const struct cpns_rules *r = &x.r;
	const struct cpns_peserta *p = &x.p;
	assert_true(cpns_final_cmp(r, p, &e[1], &e[0]) < 0); /* total */
	assert_true(cpns_final_cmp(r, p, &e[0], &e[2]) < 0); /* tkp */
	assert_true(cpns_final_cmp(r, p, &e[3], &e[0]) < 0); /* tiu */
	assert_true(cpns_final_cmp(r, p, &e[0], &e[6]) < 0); /* tiu 100 > 95 before twk */
	assert_true(cpns_final_cmp(r, p, &e[4], &e[0]) < 0); /* ipk */
	assert_true(cpns_final_cmp(r, p, &e[5], &e[0]) < 0); /* older */
	e[5].row = 0;
	assert_int_eq(cpns_final_cmp(r, p, &e[5], &e[0]), 0); /* the same row */
	/* a higher score wins over everything; no SKB score sorts last */
	e[2].num = 71;
	assert_true(cpns_final_cmp(r, p, &e[2], &e[1]) < 0);
	e[1].has_skb = 0;
	assert_true(cpns_final_cmp(r, p, &e[0], &e[1]) < 0);
	fx_free(&x);
}

/* Winners up to quota, then optimalisasi:
 *   instansi 1: f1 umum A quota 2 (no applicants), f2 papua A quota 1
 *               (3 applicants), f6 umum B quota 1 (no applicants)
 *   instansi 2: f3 umum A quota 1 (2 applicants)
 *   instansi 3: f5 umum A quota 1 (no applicants)
 * Step 1 puts f2's two non-winners into f1 (same instansi, khusus to
 * umum). Step 2 puts f3's non-winner into f5 (other instansi, same
 * jabatan). f6 (jabatan B) stays empty. */
static void optimalisasi_order(void **state)
{
	(void)state;
	const char *forms =
		"1,1,A,2,umum\n2,1,A,1,papua\n3,2,A,1,umum\n5,3,A,1,umum\n6,1,B,1,umum\n";
	const char *apps =
		"11,3201010101900011,2,1990-01-01,H,100,100,200\n"
		"12,3201010101900012,2,1990-01-01,H,100,100,200\n"
		"13,3201010101900013,2,1990-01-01,H,100,100,200\n"
		"21,3201010101900021,3,1990-01-01,H,100,100,200\n"
		"22,3201010101900022,3,1990-01-01,H,100,100,200\n";
	const char *skb =
		"applicant_id,skb_cat,skb_cat_max,wawancara,tambahan,ipk\n"
		"11,450,500,,,3.00\n"   /* f2 winner */
		"12,300,500,,,3.00\n"   /* f2, third: step 1 */
		"13,400,500,,,3.00\n"   /* f2, second: step 1 first */
		"21,490,500,,,3.00\n"   /* f3 winner */
		"22,480,500,,,3.00\n";  /* f3, best non-winner: step 2 */
	struct fx x;
	assert_int_eq(fx_load(&x, forms, apps), 0);
	cpns_rank(&x.r, &x.f, &x.p);
	struct cpns_weights *w = xmalloc(x.f.n * sizeof(*w));
	for (uint32_t i = 0; i < x.f.n; i++)
		w[i] = (struct cpns_weights){ 50, 0, 0 };
	struct cpns_final fin;
	assert_int_eq(cpns_read_skb(skb, strlen(skb), &x.r, &x.p, w, &fin, &x.pe), 0);
	assert_int_eq(x.pe.n, 0);
	assert_int_eq(fin.n, 5);
	cpns_final_run(&x.r, &x.f, &x.p, &fin);
	static const struct { uint32_t id, status, placed_fid, rank; } want[] = {
		{ 11, CPNS_F_WIN, 2, 1 }, { 12, CPNS_F_OPT_SAME, 1, 3 }, { 13, CPNS_F_OPT_SAME, 1, 2 },
		{ 21, CPNS_F_WIN, 3, 1 }, { 22, CPNS_F_OPT_OTHER, 5, 2 },
	};
	for (size_t k = 0; k < ARRAY_SIZE(want); k++) {
		const struct cpns_final_entry *e = NULL;
		for (uint32_t i = 0; i < fin.n; i++)
			if (x.p.v[fin.v[i].row].id == want[k].id)
				e = &fin.v[i];
		assert_non_null(e);
		assert_int_eq(e->status, want[k].status);
		assert_int_eq(x.f.v[e->placed].id, want[k].placed_fid);
		assert_int_eq(e->rank, want[k].rank);
	}
	assert_int_eq(fin.winners, 2);
	assert_int_eq(fin.opt_same, 2);
	assert_int_eq(fin.opt_other, 1);
	assert_int_eq(fin.open_before, 4); /* f1 2, f5 1, f6 1 */
	assert_int_eq(fin.open_after, 1);

	/* With one place in f1 the better of f2's non-winners (13) takes it;
	 * 12 then competes in step 2 with 22, who is better and takes f5. */
	x.f.v[0].quota = 1;
	cpns_final_run(&x.r, &x.f, &x.p, &fin);
	for (uint32_t i = 0; i < fin.n; i++) {
		uint32_t id = x.p.v[fin.v[i].row].id;
		unsigned st = fin.v[i].status;
		if (id == 13)
			assert_int_eq(st, CPNS_F_OPT_SAME);
		if (id == 12)
			assert_int_eq(st, CPNS_F_PASS);
		if (id == 22)
			assert_int_eq(st, CPNS_F_OPT_OTHER);
	}
	/* cross_instansi off: 22 has no place in its own instansi */
	x.r.opt_cross_instansi = 0;
	cpns_final_run(&x.r, &x.f, &x.p, &fin);
	for (uint32_t i = 0; i < fin.n; i++)
		if (x.p.v[fin.v[i].row].id == 22)
			assert_int_eq(fin.v[i].status, CPNS_F_PASS);
	/* optimalisasi off: nobody placed beyond the winners */
	x.r.optimalisasi = 0;
	cpns_final_run(&x.r, &x.f, &x.p, &fin);
	assert_int_eq(fin.opt_same + fin.opt_other, 0);
	assert_int_eq(fin.open_after, fin.open_before);
	cpns_final_free(&fin);
	free(w);
	fx_free(&x);
}

/* skb.csv errors: unknown or non-P/L applicant, duplicates (both rows),
 * bad numbers; bobot.csv above the caps. */
static void skb_input_errors(void **state)
{
	(void)state;
	struct fx x;
	assert_int_eq(fx_load(&x, "1,1,A,1,umum\n",
			      "1,3201010101900001,1,1990-01-01,H,100,100,200\n"
			      "2,3201010101900002,1,1990-01-01,H,0,0,0\n"), 0);
	cpns_rank(&x.r, &x.f, &x.p);
	struct cpns_weights w = { 50, 30, 0 };
	const char *skb = "applicant_id,skb_cat,skb_cat_max,wawancara,tambahan,ipk\n"
			  "1,400,500,80,,3.5\n"   /* 2: dup */
			  "2,400,500,80,,3.5\n"   /* 3: TL in SKD */
			  "1,400,500,80,,3.5\n"   /* 4: dup */
			  "9,400,500,80,,3.5\n";  /* 5: unknown */
	struct cpns_final fin;
	struct cpns_errors e = { 0 };
	assert_int_eq(cpns_read_skb(skb, strlen(skb), &x.r, &x.p, &w, &fin, &e), 0);
	assert_int_eq(e.n, 4);
	assert_int_eq(e.v[0].reason, M_CPNS_E_DUP_AID);
	assert_int_eq(e.v[1].reason, M_CPNS_E_NOT_SKB);
	assert_int_eq(e.v[2].reason, M_CPNS_E_DUP_AID);
	assert_int_eq(e.v[3].reason, M_CPNS_E_NOT_SKB);
	cpns_final_free(&fin);
	cpns_errors_free(&e);
	const char *skb2 = "applicant_id,skb_cat,skb_cat_max,wawancara,tambahan,ipk\n"
			   "1,x,500,,,\n";
	assert_int_eq(cpns_read_skb(skb2, strlen(skb2), &x.r, &x.p, &w, &fin, &e), 0);
	assert_int_eq(e.n, 1);
	assert_int_eq(e.v[0].col, SC_CAT);
	cpns_final_free(&fin);
	cpns_errors_free(&e);
	const char *bob = "formation_id,skb_cat,wawancara,tambahan\n1,60,30,10\n1,50,30,20\n7,50,0,0\n";
	struct cpns_weights ws[1] = { { 50, 0, 0 } };
	assert_int_eq(cpns_read_weights(bob, strlen(bob), &x.r, &x.f, ws, &e), 0);
	/* 60 > cap 50; the second row for formation 1 is a duplicate even
	 * though the first was wrong; formation 7 is unknown */
	assert_int_eq(e.n, 3);
	assert_int_eq(e.v[0].col, WC_CAT);
	assert_int_eq(e.v[0].reason, M_CPNS_E_WEIGHTS);
	assert_int_eq(e.v[1].reason, M_CPNS_E_DUP_FORMATION);
	assert_int_eq(e.v[2].reason, M_CPNS_E_FORMATION_UNKNOWN);
	assert_int_eq(ws[0].cat, 50); /* nothing applied */
	assert_int_eq(ws[0].waw, 0);
	cpns_errors_free(&e);
	const char *bob2 = "formation_id,skb_cat,wawancara,tambahan\n1,40,30,0\n";
	assert_int_eq(cpns_read_weights(bob2, strlen(bob2), &x.r, &x.f, ws, &e), 0);
	assert_int_eq(e.n, 0);
	assert_int_eq(ws[0].cat, 40);
	assert_int_eq(ws[0].waw, 30);
	cpns_errors_free(&e);
	fx_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(score_arithmetic),
		cmocka_unit_test(final_tiebreaks),
		cmocka_unit_test(optimalisasi_order),
		cmocka_unit_test(skb_input_errors),
	};
	return RUN_TESTS("cpns_final", tests);
}
