/* Shared between registry.c and registry_import.c: resolve the instansi and
 * unit of a validated record, and write it inside an open transaction. */
#ifndef WASDAL_APP_REGISTRY_INT_H
#define WASDAL_APP_REGISTRY_INT_H

#include "app/registry.h"

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

/* Write the validated record v at place pl (inside a write transaction):
 * refuses out-of-scope NIPs (APP_EPERM) and blocked employees
 * (APP_EBLOCKED), compares with the stored row, upserts and audits only
 * what changed. Fills r->created/changed/id/blokir_alasan/fe. */
int registry_write(struct store *s, const struct principal *p, struct pegawai *v,
		   const struct reg_place *pl, struct registry_save_result *r);

/* Trim spaces and tabs into dst (cap bytes, truncates). */
void reg_trim_copy(char *dst, size_t cap, const char *src);

#endif
