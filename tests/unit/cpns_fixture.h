/* Shared helpers for the CPNS unit tests: load the embedded 2024 rules and
 * read small CSV texts through the real reader and validator. */
#ifndef WASDAL_TEST_CPNS_FIXTURE_H
#define WASDAL_TEST_CPNS_FIXTURE_H

#include "app/cpns_rules.h"
#include "app/cpns_valid.h"
#include "core/embedded.h"

struct fx {
	struct cpns_rules r;
	struct cpns_formasi f;
	struct cpns_peserta p;
	struct cpns_errors fe, pe;
};

static inline void fx_rules(struct cpns_rules *r)
{
	const struct embedded_file *e = embedded_find("data/cpns/rules-2024.conf");
	int line = 0, m = 0;
	assert_non_null(e);
	assert_int_eq(cpns_rules_parse(e->data, e->len, r, &line, &m), 0);
}

#define FORM_HEAD "formation_id,instansi_id,jabatan,quota,kind\n"
#define APP_HEAD "applicant_id,nik,formation_id,birth_date,kehadiran,twk,tiu,tkp\n"

/* Read both texts (headers added here); returns cpns_read_peserta's rc. */
static inline int fx_load(struct fx *x, const char *forms, const char *apps)
{
	memset(x, 0, sizeof(*x));
	fx_rules(&x->r);
	char *ft = xasprintf(FORM_HEAD "%s", forms), *at = xasprintf(APP_HEAD "%s", apps);
	int rc = cpns_read_formasi(ft, strlen(ft), &x->r, &x->f, &x->fe);
	assert_int_eq(rc, 0);
	rc = cpns_read_peserta(at, strlen(at), &x->r, &x->f, &x->p, &x->pe, NULL, NULL);
	free(ft);
	free(at);
	return rc;
}

static inline void fx_free(struct fx *x)
{
	cpns_formasi_free(&x->f);
	cpns_peserta_free(&x->p);
	cpns_errors_free(&x->fe);
	cpns_errors_free(&x->pe);
}

/* The row whose applicant_id is id. */
static inline const struct cpns_applicant *fx_app(const struct fx *x, uint32_t id)
{
	for (uint32_t i = 0; i < x->p.n; i++)
		if (x->p.v[i].id == id)
			return &x->p.v[i];
	fail_msg("applicant %u not found", id);
	return NULL;
}

#endif
