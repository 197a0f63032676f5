/* libFuzzer target: bytes as applicants.csv (with a fixed formations.csv),
 * as formations.csv, and as a rule file, through the real reader,
 * validator, duplicate pass and ranking. Invariants checked: every row is
 * either valid or has an error, and ranked rows have a rank. */
#include "core/compat.h"
#include "app/cpns_csv.h"
#include "app/cpns_rank.h"
#include "app/cpns_rules.h"
#include "app/cpns_valid.h"
#include "core/embedded.h"
#include <assert.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char forms[] =
	"formation_id,instansi_id,jabatan,quota,kind\n"
	"1,1,Analis,1,umum\n2,1,Analis,2,papua\n3,2,\"Dokter, Ahli\",1,cumlaude\n";
static const char head[] = "applicant_id,nik,formation_id,birth_date,kehadiran,twk,tiu,tkp\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cpns_rules r;
	int line, m;
	const struct embedded_file *e = embedded_find("data/cpns/rules-2024.conf");
	if (!e || cpns_rules_parse(e->data, e->len, &r, &line, &m))
		abort();

	/* applicants: the fixed header, then the fuzz bytes */
	char *buf = malloc(sizeof(head) + size);
	memcpy(buf, head, sizeof(head) - 1);
	memcpy(buf + sizeof(head) - 1, data, size);
	struct cpns_formasi f;
	struct cpns_errors fe = { 0 }, pe = { 0 };
	if (cpns_read_formasi(forms, sizeof(forms) - 1, &r, &f, &fe) || fe.n)
		abort();
	struct cpns_peserta p, q;
	struct cpns_errors qe = { 0 };
	/* Differential: the one-pass fast path must read exactly what the
	 * general path reads, errors included. */
	setenv("WASDAL_CPNS_NOFAST", "1", 1);
	int qrc = cpns_read_peserta(buf, sizeof(head) - 1 + size, &r, &f, &q, &qe, NULL, NULL);
	unsetenv("WASDAL_CPNS_NOFAST");
	if (cpns_read_peserta(buf, sizeof(head) - 1 + size, &r, &f, &p, &pe, NULL, NULL) == 0) {
		assert(qrc == 0);
		assert(p.n == q.n && p.ninvalid == q.ninvalid && pe.n == qe.n);
		for (uint32_t i = 0; i < p.n; i++) {
			const struct cpns_applicant *x = &p.v[i], *y = &q.v[i];
			assert(x->id == y->id && x->status == y->status);
			if (x->status != CPNS_INVALID)
				assert(!memcmp(x, y, sizeof(*x)) && p.nik[i] == q.nik[i]);
			assert(cpns_row_line(&p, i) == cpns_row_line(&q, i));
		}
		for (size_t i = 0; i < pe.n; i++)
			assert(!memcmp(&pe.v[i], &qe.v[i], sizeof(pe.v[i])));
		uint32_t invalid = 0;
		for (uint32_t i = 0; i < p.n; i++)
			invalid += p.v[i].status == CPNS_INVALID;
		assert(invalid == p.ninvalid);
		assert(invalid == 0 || pe.n > 0);
		cpns_rank(&r, &f, &p);
		for (uint32_t i = 0; i < p.n; i++) {
			const struct cpns_applicant *a = &p.v[i];
			if (a->status == CPNS_PL || a->status == CPNS_P)
				assert(a->rank >= 1);
			else
				assert(a->rank == 0);
		}
		cpns_peserta_free(&p);
	}
	if (qrc == 0)
		cpns_peserta_free(&q);
	cpns_errors_free(&qe);
	cpns_errors_free(&pe);
	cpns_errors_free(&fe);
	cpns_formasi_free(&f);
	free(buf);

	/* the same bytes as a whole formations file and as a rule file */
	struct cpns_formasi f2;
	struct cpns_errors fe2 = { 0 };
	if (cpns_read_formasi((const char *)data, size, &r, &f2, &fe2) == 0)
		cpns_formasi_free(&f2);
	cpns_errors_free(&fe2);
	struct cpns_rules r2;
	cpns_rules_parse((const char *)data, size, &r2, &line, &m);
	return 0;
}
