/* The ASN registry, scoped by the acting principal.
 *
 * Scope: every function takes the principal and enforces it here (never in
 * page or API code). A principal sees an employee when the employee's
 * instansi path lies under its scope_path; role asn sees only its own NIP.
 * An employee out of scope is reported as APP_ENOTFOUND, exactly like one
 * that does not exist, so existence never leaks through reads.
 *
 * Writes validate every field (registry_validate), refuse any change to a
 * blocked (blokir) employee with APP_EBLOCKED, and append one audit record
 * with a compact JSON diff {"field":[old,new]} in the same transaction; a
 * save that changes nothing writes nothing.
 *
 * Functions open and commit their own transaction: do not call them inside
 * one. Returns 0 or a negative enum app_err. */
#ifndef WASDAL_APP_REGISTRY_H
#define WASDAL_APP_REGISTRY_H

#include <stdint.h>
#include <stdio.h>
#include "app/principal.h"
#include "core/msg.h"
#include "store/store.h"

/* ---- field errors, shared by the CLI, the web form and the import report ---- */
#define REGISTRY_MAX_FIELD_ERRORS 16

struct field_error {
	const char *field;        /* static: "nip", "golongan", "instansi_kode" ... */
	enum msg_id msg;          /* catalogue message (Bahasa Indonesia / English) */
};

struct field_errors {
	int n;
	struct field_error e[REGISTRY_MAX_FIELD_ERRORS];
};

void field_errors_add(struct field_errors *fe, const char *field, enum msg_id msg);

/* An employee as typed in a form or a CSV row: text only, the same names as
 * the CSV columns (docs/registry.md). NULL or "" means empty. */
struct pegawai_input {
	const char *nip;           /* 18 digits or the spaced 8-6-1-3 form */
	const char *nama;
	const char *jenis_asn;     /* PNS | PPPK */
	const char *golongan;      /* PNS I/a..IV/e, PPPK I..XVII */
	const char *jenis_jabatan; /* jpt_utama ... pelaksana (data/ref/jabatan.csv) */
	const char *jenjang;       /* fungsional only (data/ref/jenjang.csv) */
	const char *jabatan;       /* the post's name */
	const char *instansi_kode;
	const char *unit_kode;     /* may be empty */
	const char *unit_nama;     /* import only: creates the unit when missing */
	const char *status;        /* aktif | pensiun | diberhentikan; empty = aktif */
};

/* Check every field that needs no database: NIP (app/nip.h) and its kind
 * against jenis_asn, golongan, jenis_jabatan, jenjang, status, lengths and
 * text (valid UTF-8, no control characters). Fills the text fields of *out
 * (normalised: NIP digits, canonical golongan spelling) and adds one error per
 * bad field to *fe. today_yyyymm as for nip_parse (0: no future check).
 * Returns 0 or APP_EINVAL. */
int registry_validate(const struct pegawai_input *in, int today_yyyymm,
		      struct pegawai *out, struct field_errors *fe);

/* ---- reads ---- */

/* List employees visible to p (PERM_REGISTRY_READ). f->scope_path is
 * replaced by p's scope; for role asn only p's own record is returned (the
 * other filter fields are then ignored, except after_nip).
 * f->limit is clamped to LIMIT_PAGE_SIZE_HARD unless 0 (stream all). */
int registry_list(struct store *s, const struct principal *p,
		  const struct pegawai_filter *f,
		  int (*cb)(void *ctx, const struct pegawai *), void *ctx);
int registry_count(struct store *s, const struct principal *p,
		   const struct pegawai_filter *f, int64_t *n);

/* One employee by NIP (either accepted NIP form). APP_ENOTFOUND when absent
 * or out of scope; APP_EPERM when p may not read the registry at all. */
int registry_get(struct store *s, const struct principal *p, const char *nip,
		 struct pegawai *out);

/* registry_get with the employee's instansi and unit (u->id 0 when none),
 * read in one statement: the reply about one employee. */
int registry_get_placed(struct store *s, const struct principal *p, const char *nip,
			struct pegawai *out, struct instansi *in, struct unit_kerja *u);

/* The instansi and unit (unit id 0 when none) of e, an employee registry_get
 * returned to p: two lookups by id, for a reply about one employee (cheaper
 * than listing the whole tree and the instansi's units). */
int registry_place_of(struct store *s, const struct principal *p, const struct pegawai *e,
		      struct instansi *in, struct unit_kerja *u);

/* ---- writes (PERM_REGISTRY_WRITE) ---- */

struct registry_save_result {
	int created;               /* 1: new employee */
	int changed;               /* 1: something was written (and audited) */
	int64_t id;
	char blokir_alasan[256];   /* APP_EBLOCKED: the recorded reason */
	struct field_errors fe;    /* APP_EINVAL: what is wrong, per field */
};

/* Create or update the employee in->nip. Returns 0; APP_EINVAL (r->fe);
 * APP_EBLOCKED (r->blokir_alasan); APP_EPERM (no permission, or the NIP is
 * held by an employee out of p's scope); or a store error. */
int registry_save(struct store *s, const struct principal *p,
		  const struct pegawai_input *in, struct registry_save_result *r);

/* Block (blokir) or unblock an employee's data (PERM_REGISTRY_BLOKIR):
 * while blocked, registry_save refuses every change. alasan is required;
 * nomor_perkara (the case number) may be NULL. Audited. */
int registry_set_blokir(struct store *s, const struct principal *p, const char *nip,
			const char *alasan, const char *nomor_perkara, struct field_errors *fe);
int registry_lift_blokir(struct store *s, const struct principal *p, const char *nip,
			 const char *alasan);

/* ---- organisation tree ---- */

/* Instansi at or under p's scope, ordered by path. */
int registry_instansi_list(struct store *s, const struct principal *p,
			   int (*cb)(void *ctx, const struct instansi *), void *ctx);
/* Units of an instansi in p's scope (APP_ENOTFOUND when out of scope). */
int registry_unit_list(struct store *s, const struct principal *p, int64_t instansi_id,
		       int (*cb)(void *ctx, const struct unit_kerja *), void *ctx);

/* ---- CSV import / export (app/registry_import.c, app/registry_export.c) ---- */

struct import_error {
	int64_t line;              /* physical line in the file (1 = header) */
	const char *column;        /* column name, or "" for the whole row */
	enum msg_id msg;
	const char *value;         /* the offending value (may be "") */
};

struct import_opts {
	int partial;               /* 0: all or nothing; 1: import good rows */
	/* Called every few thousand rows, and once at the end (may be NULL). */
	void (*progress)(void *ctx, int64_t rows, int64_t bytes);
	void *progress_ctx;
	/* Called for every bad row (may be NULL); return non-zero to stop. */
	int (*on_error)(void *ctx, const struct import_error *e);
	void *error_ctx;
};

struct import_stats {
	int64_t rows;              /* data rows read */
	int64_t ok;                /* rows that passed validation */
	int64_t bad;               /* rows with at least one error */
	int64_t created, updated, unchanged; /* what was written (0 when rolled back) */
	int64_t units_created;
	int committed;             /* 1 when the changes were committed */
};

/* Import the pegawai CSV (columns in docs/registry.md) from in, as p
 * (PERM_REGISTRY_WRITE; rows out of p's scope are errors).
 * Strict (opts->partial == 0): one transaction; any bad row rolls back
 * everything and the result is APP_EINVAL. Partial: good rows committed in
 * batches, bad rows reported, result 0. One audit record per changed
 * employee plus one summary record ("import"). */
int registry_import_csv(struct store *s, const struct principal *p, FILE *in,
			const struct import_opts *opts, struct import_stats *st);

enum export_format { EXPORT_CSV = 0, EXPORT_XLSX = 1 };

/* Write the employees visible to p (filtered by f; scope forced) to out in
 * the import column layout, streaming. CSV cells that would start a formula
 * get a leading apostrophe; XLSX cells are always written as strings.
 * For XLSX, out must be a regular file (libxlsxwriter needs a path: path). */
int registry_export_csv(struct store *s, const struct principal *p,
			const struct pegawai_filter *f, FILE *out, int64_t *rows);
int registry_export_xlsx(struct store *s, const struct principal *p,
			 const struct pegawai_filter *f, const char *path, int64_t *rows);

#endif
