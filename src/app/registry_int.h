/* Shared between registry.c and registry_import.c: resolve the instansi and
 * unit of a validated record, and write it inside an open transaction. */
#ifndef WASDAL_APP_REGISTRY_INT_H
#define WASDAL_APP_REGISTRY_INT_H

#include "app/registry.h"
#include "crypto/sha256.h"

struct reg_place {
	struct instansi inst;
	struct unit_kerja unit;   /* id 0 when none */
};

/* Find in->instansi_kode (in p's scope) and in->unit_kode in it. With
 * create_unit, a missing unit with a unit_nama is created (and audited);
 * *unit_created is then 1. Field errors go to fe (APP_EINVAL). */
int registry_resolve(struct store *s, const struct principal *p,
		     const struct pegawai_input *in, int create_unit,
		     struct reg_place *out, struct field_errors *fe, int *unit_created);

/* The employees created by one import transaction, audited by one record
 * (registry_import.c): their number, the first and last NIP written and
 * the SHA-256 of their canonical records (reg_batch_add). */
struct reg_batch {
	struct sha256 h;
	int64_t n;
	char first[19], last[19];
};

void reg_batch_init(struct reg_batch *b);
/* Adds the record as created: the fields nip, nama, jenis_asn, golongan,
 * jenis_jabatan, jenjang, jabatan, instansi kode, unit kode, status, each
 * followed by 0x1f (validated text holds no control character), then a
 * line feed. */
void reg_batch_add(struct reg_batch *b, const struct pegawai *v, const struct reg_place *pl);
/* Lower-case hex of the digest so far (the state is not consumed). */
void reg_batch_hex(const struct reg_batch *b, char out[SHA256_HEX]);

/* Write the validated record v at place pl (inside a write transaction):
 * refuses out-of-scope NIPs (APP_EPERM) and blocked employees
 * (APP_EBLOCKED), compares with the stored row, upserts and audits only
 * what changed. Fills r->created/changed/id/blokir_alasan/fe. With a
 * batch, a new NIP is inserted without a lookup first and its creation
 * goes into the batch instead of an audit record of its own; an update
 * still gets its own record (it carries the old values). */
int registry_write(struct store *s, const struct principal *p, struct pegawai *v,
		   const struct reg_place *pl, struct registry_save_result *r,
		   struct reg_batch *batch);

/* Trim spaces and tabs into dst (cap bytes, truncates). */
void reg_trim_copy(char *dst, size_t cap, const char *src);

#endif
