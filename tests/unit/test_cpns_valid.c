#include "core/compat.h"
#include "core/buf.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "app/cpns_csv.h"
#include "test_helpers.h"
#include "cpns_fixture.h"

#define FORMS "1,10,Analis,2,umum\n2,10,Analis,1,papua\n"

static int has_error(const struct cpns_errors *e, uint32_t line, unsigned col, unsigned reason)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].line == line && e->v[i].col == col && e->v[i].reason == reason)
			return 1;
	return 0;
}

#define EXPECT(x, line, col, reason) do { \
	if (!has_error(&(x)->pe, line, col, reason)) { \
		print_error("no error line %d col %d reason %s\n", line, (int)(col), #reason); \
		fail(); \
	} \
} while (0)

/* One row per reason; the good row 2 proves the others are not
 * rejected wholesale. Lines: header 1, rows from 2. */
static void every_row_reason(void **state)
{
	(void)state;
	struct fx x;
	const char *apps =
		"1,3201010101900001,1,1990-01-01,H,65,80,166\n"      /* 2 ok */
		"2,3201010101900002,1,1990-01-01,H,65,80\n"          /* 3 few */
		"3,3201010101900003,1,1990-01-01,H,65,80,166,1\n"    /* 4 many */
		"0,3201010101900004,1,1990-01-01,H,65,80,166\n"      /* 5 aid 0 */
		"x5,3201010101900005,1,1990-01-01,H,65,80,166\n"     /* 6 aid not int */
		"6,320101010190000,1,1990-01-01,H,65,80,166\n"       /* 7 nik 15 */
		"7,32010101019000a7,1,1990-01-01,H,65,80,166\n"      /* 8 nik letter */
		"8,3201010101900008,99,1990-01-01,H,65,80,166\n"     /* 9 unknown form */
		"9,3201010101900009,-1,1990-01-01,H,65,80,166\n"     /* 10 form -1 */
		"10,3201010101900010,1,1990-02-30,H,65,80,166\n"     /* 11 bad date */
		"11,3201010101900011,1,01/02/1990,H,65,80,166\n"     /* 12 date fmt */
		"12,3201010101900012,1,1990-01-01,HADIR,65,80,166\n" /* 13 kehadiran */
		"13,3201010101900013,1,1990-01-01,H,,80,166\n"       /* 14 score missing */
		"14,3201010101900014,1,1990-01-01,H,6O,80,166\n"     /* 15 not int */
		"15,3201010101900015,1,1990-01-01,H,155,80,166\n"    /* 16 twk > 150 */
		"16,3201010101900016,1,1990-01-01,H,65,-5,166\n"     /* 17 negative */
		"17,3201010101900017,1,1990-01-01,H,65,80,226\n"     /* 18 tkp > 225 */
		"18,3201010101900018,1,1990-01-01,H,67,80,166\n"     /* 19 twk step */
		"19,3201010101900019,1,1990-01-01,TH,65,,\n"         /* 20 TH with a score */
		"20,3201010101900020,1,1990-01-01,TH,,,\n"           /* 21 ok */
		"21,,1,1990-01-01,H,65,80,166\n"                     /* 22 nik empty */
		"22,3201010101900022,,1990-01-01,H,65,80,166\n"      /* 23 form empty */
		"23,3201010101900023,1,,H,65,80,166\n"               /* 24 date empty */
		"24,3201010101900024,1,1990-01-01,,65,80,166\n"      /* 25 kehadiran empty */
		"25,3201010101900025,1,1990-01-01,H,65,1 66,166\n"   /* 26 space inside */
		"26,3201010101900026,1,1990-01-01,DIS,,,\n"          /* 27 ok: DIS without scores */
		"27,3201010101900027,1,1990-01-01,H,65,80,166\n"     /* 28 ok */
		"\"2\"8,3201010101900028,1,1990-01-01,H,65,80,166\n" /* 29 text after a closing quote */
		"29,3201010101900029,1,1990-01-01,H,65,8\"0,166\n"   /* 30 quote in field */
		"30,3201010101900030,1,1990-00-10,H,65,80,166\n";    /* 31 month 0 */
	assert_int_eq(fx_load(&x, FORMS, apps), 0);
	EXPECT(&x, 3, 7, M_CPNS_E_FIELDS_FEW);
	EXPECT(&x, 4, CPNS_NO_COL, M_CPNS_E_FIELDS_MANY);
	EXPECT(&x, 5, PC_AID, M_CPNS_E_AID);
	EXPECT(&x, 6, PC_AID, M_CPNS_E_AID);
	EXPECT(&x, 7, PC_NIK, M_CPNS_E_NIK);
	EXPECT(&x, 8, PC_NIK, M_CPNS_E_NIK);
	EXPECT(&x, 9, PC_FORM, M_CPNS_E_FORMATION_UNKNOWN);
	EXPECT(&x, 10, PC_FORM, M_CPNS_E_FORMATION_UNKNOWN);
	EXPECT(&x, 11, PC_BIRTH, M_CPNS_E_DATE);
	EXPECT(&x, 12, PC_BIRTH, M_CPNS_E_DATE);
	EXPECT(&x, 13, PC_HADIR, M_CPNS_E_HADIR);
	EXPECT(&x, 14, PC_TWK, M_CPNS_E_SCORE_MISSING);
	EXPECT(&x, 15, PC_TWK, M_CPNS_E_SCORE_NOT_INT);
	EXPECT(&x, 16, PC_TWK, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 17, PC_TIU, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 18, PC_TKP, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 19, PC_TWK, M_CPNS_E_SCORE_STEP);
	EXPECT(&x, 20, PC_TWK, M_CPNS_E_SCORE_PRESENT);
	EXPECT(&x, 22, PC_NIK, M_CPNS_E_EMPTY);
	EXPECT(&x, 23, PC_FORM, M_CPNS_E_EMPTY);
	EXPECT(&x, 24, PC_BIRTH, M_CPNS_E_EMPTY);
	EXPECT(&x, 25, PC_HADIR, M_CPNS_E_EMPTY);
	EXPECT(&x, 26, PC_TIU, M_CPNS_E_SCORE_NOT_INT);
	EXPECT(&x, 29, CPNS_NO_COL, M_CPNS_E_QUOTE);
	EXPECT(&x, 30, CPNS_NO_COL, M_CPNS_E_QUOTE);
	EXPECT(&x, 31, PC_BIRTH, M_CPNS_E_DATE);
	/* Exactly one error per bad row here, none for the good rows. */
	assert_int_eq(x.pe.n, 26);
	for (size_t i = 0; i < x.pe.n; i++) {
		uint32_t l = x.pe.v[i].line;
		assert_true(l != 2 && l != 21 && l != 27 && l != 28);
		if (i)
			assert_true(l >= x.pe.v[i - 1].line);
	}
	/* The row stays in the table as invalid; the error names its id. */
	assert_int_eq(fx_app(&x, 10)->status, CPNS_INVALID);
	assert_int_eq(fx_app(&x, 1)->status, CPNS_H);
	assert_int_eq(fx_app(&x, 20)->status, CPNS_TH);
	assert_int_eq(fx_app(&x, 26)->status, CPNS_DIS);
	assert_int_eq(x.p.ninvalid, 26);
	fx_free(&x);
}

/* Every row holding a duplicated nik or applicant_id is invalid, the
 * first one too; other errors on those rows are kept. */
static void duplicates_mark_every_partner(void **state)
{
	(void)state;
	struct fx x;
	const char *apps =
		"1,3201010101900001,1,1990-01-01,H,65,80,166\n"   /* 2 nik A */
		"2,3201010101900002,1,1990-01-01,H,65,80,166\n"   /* 3 */
		"3,3201010101900001,1,1990-01-01,H,65,80,166\n"   /* 4 nik A */
		"4,3201010101900004,1,1990-01-01,H,65,80,166\n"   /* 5 */
		"5,3201010101900001,1,1990-13-01,H,65,80,166\n"   /* 6 nik A + bad date */
		"7,3201010101900007,1,1990-01-01,H,65,80,166\n"   /* 7 id 7 */
		"6,3201010101900006,1,1990-01-01,H,65,80,166\n"   /* 8 */
		"7,3201010101900008,1,1990-01-01,TH,,,\n";        /* 9 id 7 again */
	assert_int_eq(fx_load(&x, FORMS, apps), 0);
	EXPECT(&x, 2, PC_NIK, M_CPNS_E_DUP_NIK);
	EXPECT(&x, 4, PC_NIK, M_CPNS_E_DUP_NIK);
	EXPECT(&x, 6, PC_NIK, M_CPNS_E_DUP_NIK);
	EXPECT(&x, 6, PC_BIRTH, M_CPNS_E_DATE);
	EXPECT(&x, 7, PC_AID, M_CPNS_E_DUP_AID);
	EXPECT(&x, 9, PC_AID, M_CPNS_E_DUP_AID);
	assert_int_eq(x.pe.n, 6);
	assert_int_eq(x.p.ninvalid, 5);
	/* ids were not increasing: the output order is by id, valid only */
	assert_non_null(x.p.order);
	assert_int_eq(x.p.norder, 3);
	assert_int_eq(x.p.v[x.p.order[0]].id, 2);
	assert_int_eq(x.p.v[x.p.order[1]].id, 4);
	assert_int_eq(x.p.v[x.p.order[2]].id, 6);
	fx_free(&x);
}

static void formation_errors(void **state)
{
	(void)state;
	struct cpns_rules r;
	fx_rules(&r);
	const char *t = FORM_HEAD
		"1,10,Analis,2,umum\n"      /* 2 ok */
		"2,10,Analis,0,umum\n"      /* 3 quota 0 */
		"3,10,Analis,70000,umum\n"  /* 4 quota too big */
		"4,10,Analis,1,khusus\n"    /* 5 unknown kind */
		"1,11,Dokter,1,papua\n"     /* 6 duplicate id */
		"6,0,Dokter,1,papua\n"      /* 7 instansi 0 */
		"7,12,,1,papua\n"           /* 8 empty jabatan */
		"8,12,Dokter,1\n";          /* 9 few fields */
	struct cpns_formasi f;
	struct cpns_errors e = { 0 };
	assert_int_eq(cpns_read_formasi(t, strlen(t), &r, &f, &e), 0);
	assert_int_eq(e.n, 7);
	static const struct { uint32_t line; unsigned col, reason; } want[] = {
		{ 3, FC_QUOTA, M_CPNS_E_QUOTA }, { 4, FC_QUOTA, M_CPNS_E_QUOTA },
		{ 5, FC_KIND, M_CPNS_E_KIND }, { 6, FC_ID, M_CPNS_E_DUP_FORMATION },
		{ 7, FC_INSTANSI, M_CPNS_E_INSTANSI }, { 8, FC_JABATAN, M_CPNS_E_EMPTY },
		{ 9, 4, M_CPNS_E_FIELDS_FEW },
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		assert_int_eq(e.v[i].line, want[i].line);
		assert_int_eq(e.v[i].col, want[i].col);
		assert_int_eq(e.v[i].reason, want[i].reason);
	}
	/* The good ones are indexed, the jabatan interned once. */
	assert_int_eq(cpns_formasi_find(&f, 1), 0);
	assert_int_eq(f.v[0].instansi, 10);
	assert_true(cpns_formasi_find(&f, 2) < 0);
	assert_int_eq(f.njabatan, 2);
	cpns_formasi_free(&f);
	cpns_errors_free(&e);
	/* The three lookups: consecutive ids, a dense table, a hash. */
	static const struct { const char *text; int consecutive, direct; } look[] = {
		{ FORM_HEAD "7,1,A,1,umum\n8,1,A,1,umum\n9,1,A,1,umum\n", 1, 0 },
		{ FORM_HEAD "9,1,A,1,umum\n7,1,A,1,umum\n8,1,A,1,umum\n", 0, 1 },
		{ FORM_HEAD "4000000000,1,A,1,umum\n7,1,A,1,umum\n8,1,A,1,umum\n", 0, 0 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(look); i++) {
		e = (struct cpns_errors){ 0 };
		assert_int_eq(cpns_read_formasi(look[i].text, strlen(look[i].text), &r, &f, &e), 0);
		assert_int_eq(e.n, 0);
		assert_int_eq(f.consecutive, look[i].consecutive);
		assert_int_eq(f.direct != NULL, look[i].direct);
		for (uint32_t k = 0; k < f.n; k++)
			assert_int_eq(cpns_formasi_find(&f, f.v[k].id), k);
		assert_true(cpns_formasi_find(&f, 6) < 0);
		assert_true(cpns_formasi_find(&f, 10) < 0);
		assert_true(cpns_formasi_find(&f, 0) < 0);
		assert_true(cpns_formasi_find(&f, 4000000001u) < 0);
		cpns_formasi_free(&f);
		cpns_errors_free(&e);
	}
	/* A bad header is refused outright. */
	const char *h = "formation_id,instansi,jabatan,quota,kind\n1,1,A,1,umum\n";
	e = (struct cpns_errors){ 0 };
	assert_int_eq(cpns_read_formasi(h, strlen(h), &r, &f, &e), CPNS_BAD_HEADER);
	cpns_errors_free(&e);
}

/* RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes
 * (the physical line number follows), CRLF, BOM, no final newline. */
static void csv_reader(void **state)
{
	(void)state;
	const char *t = "\xEF\xBB\xBF" "a,\"b,\"\"c\"\"\",d\r\n"
			"\"x\ny\",,\"\"\r\n"
			"last,row";
	struct csv_reader r;
	struct csv_field f[4];
	csv_init(&r, t, strlen(t));
	assert_int_eq(csv_next(&r, f, 4), 3);
	assert_int_eq(r.line, 1);
	assert_int_eq(f[0].len, 1);
	assert_true(!memcmp(f[1].s, "b,\"c\"", 5) && f[1].len == 5);
	assert_true(f[2].len == 1 && f[2].s[0] == 'd');
	assert_int_eq(csv_next(&r, f, 4), 3);
	assert_int_eq(r.line, 2);
	assert_true(f[0].len == 3 && !memcmp(f[0].s, "x\ny", 3));
	assert_int_eq(f[1].len, 0);
	assert_int_eq(f[2].len, 0);
	assert_int_eq(csv_next(&r, f, 4), 2);
	assert_int_eq(r.line, 4);
	assert_true(f[1].len == 3 && !memcmp(f[1].s, "row", 3));
	assert_int_eq(csv_next(&r, f, 4), CSV_EOF);
	csv_release(&r);

	/* More fields than room: counted, not stored. */
	const char *m = "1,2,3,4,5,6\n";
	csv_init(&r, m, strlen(m));
	assert_int_eq(csv_next(&r, f, 4), 6);
	csv_release(&r);

	/* Unterminated quote: an error, and the reader moves on. */
	const char *u = "\"abc\nok\n";
	csv_init(&r, u, strlen(u));
	assert_int_eq(csv_next(&r, f, 4), CSV_BADQUOTE);
	csv_release(&r);
	const char *g = "\"ab\"c,1\nok\n";
	csv_init(&r, g, strlen(g));
	assert_int_eq(csv_next(&r, f, 4), CSV_BADQUOTE);
	assert_int_eq(csv_next(&r, f, 4), 1);
	assert_int_eq(r.line, 2);
	csv_release(&r);
}

/* A file big enough to be parsed on two threads gives the same rows, line
 * numbers and errors as one thread would. */
static void split_parse_matches(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	unsigned n = 200000;
	for (unsigned i = 1; i <= n; i++) {
		int rc;
		if (i % 50000 == 7)
			rc = buf_addf(&b, "%u,32%014u,1,1990-01-01,H,65,80,999\n", i, i);
		else
			rc = buf_addf(&b, "%u,32%014u,%u,1990-01-01,H,65,80,166\n", i, i, 1 + i % 2);
		assert_int_eq(rc, 0);
		if (i == 20000 || i == 150000)
			assert_int_eq(buf_adds(&b, "\n"), 0); /* a blank line shifts lines */
	}
	/* duplicate of row 1's nik near the end */
	assert_int_eq(buf_addf(&b, "%u,32%014u,1,1990-01-01,H,65,80,166\n", n + 1, 1u), 0);
	struct fx x;
	assert_true(b.len > (8u << 20)); /* above the split threshold */
	assert_int_eq(fx_load(&x, FORMS, b.ptr), 0);
	assert_int_eq(x.p.n, n + 1);
	for (uint32_t i = 0; i < x.p.n; i++)
		assert_int_eq(x.p.v[i].id, i + 1);
	/* rows 7, 50007, 100007, 150007 (blank lines in both halves move
	 * the later ones on), and the duplicate pair */
	EXPECT(&x, 8, PC_TKP, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 50009, PC_TKP, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 100009, PC_TKP, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 150010, PC_TKP, M_CPNS_E_SCORE_RANGE);
	EXPECT(&x, 2, PC_NIK, M_CPNS_E_DUP_NIK);
	EXPECT(&x, n + 4, PC_NIK, M_CPNS_E_DUP_NIK);
	assert_int_eq(x.pe.n, 6);
	assert_int_eq(cpns_row_line(&x.p, 19999), 20001);
	assert_int_eq(cpns_row_line(&x.p, 20000), 20003);
	assert_int_eq(cpns_row_line(&x.p, 149999), 150002);
	assert_int_eq(cpns_row_line(&x.p, 150000), 150004);
	/* the same file on one thread (no split when it holds a quote) */
	struct fx y;
	char *q = xasprintf("%s\"%u\",32%014u,1,1990-01-01,H,65,80,166\n", b.ptr, n + 2, n + 2);
	assert_int_eq(fx_load(&y, FORMS, q), 0);
	assert_int_eq(y.p.n, n + 2);
	assert_int_eq(y.pe.n, 6);
	for (size_t i = 0; i < 6; i++)
		assert_true(!memcmp(&x.pe.v[i], &y.pe.v[i], sizeof(x.pe.v[i])));
	for (uint32_t i = 0; i < x.p.n; i++)
		assert_int_eq(cpns_row_line(&x.p, i), cpns_row_line(&y.p, i));
	free(q);
	fx_free(&y);
	fx_free(&x);
	buf_release(&b);
}

static void rule_file_errors(void **state)
{
	(void)state;
	struct cpns_rules r;
	fx_rules(&r);
	assert_str_eq(r.name, "2024");
	assert_int_eq(r.max[CPNS_TWK], 150);
	assert_int_eq(r.step[CPNS_TIU], 5);
	assert_int_eq(r.skb_multiplier, 3);
	assert_int_eq(r.nkinds, 6);
	int u = cpns_rules_kind(&r, "umum", 4);
	assert_int_eq(r.kinds[u].min[CPNS_TKP], 166);
	assert_int_eq(r.kinds[u].min[CPNS_TOTAL], -1);
	assert_int_eq(r.kinds[u].khusus, 0);
	assert_int_eq(r.kinds[cpns_rules_kind(&r, "papua", 5)].khusus, 1);
	static const struct { const char *text; int line, msg; } bad[] = {
		{ "name = x\nfoo\n", 2, M_CPNS_RULES_SYNTAX },
		{ "name = x\nfoo = 1\n", 2, M_CPNS_RULES_UNKNOWN_KEY },
		{ "name = x\nfoo = abc\n", 2, M_CPNS_RULES_UNKNOWN_KEY },
		{ "optimalisasi = 2\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "final.weight.skd = 101\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "score.twk = 150 7\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "score.twk = 300 5\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "kind.a = twk>65\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "tiebreak = total total\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "khusus = nosuch\n", 1, M_CPNS_RULES_BAD_VALUE },
		{ "name = x\n", 1, M_CPNS_RULES_MISSING },
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		int line = 0, m = 0;
		assert_int_eq(cpns_rules_parse(bad[i].text, strlen(bad[i].text), &r, &line, &m), -1);
		assert_int_eq(line, bad[i].line);
		assert_int_eq(m, bad[i].msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_row_reason),
		cmocka_unit_test(duplicates_mark_every_partner),
		cmocka_unit_test(formation_errors),
		cmocka_unit_test(csv_reader),
		cmocka_unit_test(split_parse_matches),
		cmocka_unit_test(rule_file_errors),
	};
	return RUN_TESTS("cpns_valid", tests);
}
