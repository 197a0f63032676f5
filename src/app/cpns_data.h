/* The in-memory model of one CPNS round: formations, applicants (one
 * compact record per input row, valid or not) and row errors. Ids are
 * uint32 and scores uint8, so 4 million applicants take about 100 MB. */
#ifndef WASDAL_APP_CPNS_DATA_H
#define WASDAL_APP_CPNS_DATA_H

#include <stddef.h>
#include <stdint.h>

struct cpns_formation {
	uint32_t id, instansi;
	uint32_t jabatan;     /* index into cpns_formasi.jabatan */
	uint16_t quota;
	uint8_t kind;         /* index into cpns_rules.kinds */
	uint8_t pad;
};

struct cpns_formasi {
	struct cpns_formation *v;
	uint32_t n;
	char **jabatan;       /* interned names (the qualification key) */
	uint32_t njabatan, jcap;
	uint32_t *slots;      /* open addressing: id -> index + 1 (0 empty) */
	uint32_t mask;
	/* Dense ids (the usual 1..n): id -> index + 1 directly, one cache
	 * line per lookup instead of a hash probe plus a compare. */
	uint32_t *direct, direct_max;
	/* Ids base, base + 1, ... in file order (the usual export): the
	 * index is id - base, no memory access at all. With 4 million
	 * lookups into even a 1 MB table, the cache misses were a third of
	 * the validation time. */
	int consecutive;
	uint32_t base;
	uint32_t *jslots, jmask;
};

/* Row state: kehadiran while reading, the SKD result after ranking. */
enum cpns_status {
	CPNS_INVALID = 0,
	CPNS_H,       /* sat the test, not ranked yet */
	CPNS_TH,
	CPNS_DIS,
	CPNS_PL,      /* passed, within multiplier x quota: to SKB */
	CPNS_P,       /* passed, outside */
	CPNS_TL,      /* below the passing grade */
	CPNS_NSTATUS
};

struct cpns_applicant {
	uint32_t id;
	uint32_t form;        /* index into cpns_formasi.v */
	uint32_t birth;       /* yyyymmdd */
	uint32_t rank;        /* 0 unless passed */
	uint8_t twk, tiu, tkp;
	uint8_t status;       /* enum cpns_status */
};

#define CPNS_NO_NIK UINT64_MAX
#define CPNS_NO_COL 0xff

struct cpns_error {
	uint32_t line;
	uint32_t aid;         /* valid when has_aid */
	uint8_t has_aid;
	uint8_t col;          /* column index, CPNS_NO_COL for the whole row */
	uint16_t reason;      /* catalogue id */
};

struct cpns_errors {
	struct cpns_error *v;
	size_t n, cap;
};

struct cpns_peserta {
	struct cpns_applicant *v;
	uint64_t *nik;        /* per row, CPNS_NO_NIK if not 16 digits */
	/* Physical line per row; NULL while every row r sits on line r + 2
	 * + line0 (2: header on line 1, no blank or multi-line records), which saves
	 * 16 MB on a clean national file. id 0 means "applicant_id did not
	 * parse" (a valid id is positive). */
	uint32_t *line;
	uint32_t line0;       /* line of row 0 when line is NULL */
	uint32_t n, cap;
	uint32_t ninvalid;
	uint32_t *order;      /* valid rows by applicant_id; NULL = row order */
	uint32_t norder, order_cap;
};

enum cpns_applicant_col { PC_AID, PC_NIK, PC_FORM, PC_BIRTH, PC_HADIR, PC_TWK, PC_TIU, PC_TKP, PC_COUNT };
enum cpns_formation_col { FC_ID, FC_INSTANSI, FC_JABATAN, FC_QUOTA, FC_KIND, FC_COUNT };

extern const char *const cpns_applicant_cols[PC_COUNT];
extern const char *const cpns_formation_cols[FC_COUNT];

static inline uint32_t cpns_row_line(const struct cpns_peserta *p, uint32_t row)
{
	return p->line ? p->line[row] : row + p->line0;
}

/* SKD total of an applicant. */
static inline unsigned cpns_total(const struct cpns_applicant *a)
{
	return (unsigned)a->twk + a->tiu + a->tkp;
}

/* Result code as printed in results.csv ("P/L", "TL", ...). */
const char *cpns_status_code(enum cpns_status st);

void cpns_formasi_free(struct cpns_formasi *f);
void cpns_peserta_free(struct cpns_peserta *p);
void cpns_errors_free(struct cpns_errors *e);
void cpns_errors_add(struct cpns_errors *e, uint32_t line, int has_aid, uint32_t aid,
		     unsigned col, unsigned reason);
/* Sort by line, then column (duplicate checks append out of order). */
void cpns_errors_sort(struct cpns_errors *e);
/* Index of formation id, or -1. */
static inline int64_t cpns_formasi_find(const struct cpns_formasi *f, uint32_t id);
int64_t cpns_formasi_find_hash(const struct cpns_formasi *f, uint32_t id);

static inline int64_t cpns_formasi_find(const struct cpns_formasi *f, uint32_t id)
{
	if (f->consecutive)
		return id - f->base < f->n ? (int64_t)(id - f->base) : -1;
	if (f->direct)
		return id <= f->direct_max ? (int64_t)f->direct[id] - 1 : -1;
	return cpns_formasi_find_hash(f, id);
}

#endif
