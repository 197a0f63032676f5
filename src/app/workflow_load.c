#include "core/compat.h"
#include "app/workflow.h"
#include "core/csv_table.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/msg.h"

static int parse_unit(const struct csv_table *t, const char *col, int amount,
		      enum deadline_unit *out, struct load_error *err)
{
	const char *s = csv_table_get(t, col);
	if (!strcmp(s, "hari"))
		*out = DEADLINE_CALENDAR_DAYS;
	else if (!strcmp(s, "hari_kerja"))
		*out = DEADLINE_WORKING_DAYS;
	else if (!*s && amount == 0)
		*out = DEADLINE_CALENDAR_DAYS;
	else {
		load_error_set(err, t, col, *s ? M_TABLE_BAD_VALUE : M_TABLE_REQUIRED, s);
		return APP_EINVAL;
	}
	return 0;
}

static int parse_flag(const struct csv_table *t, const char *col, int *out,
		      struct load_error *err)
{
	return csv_table_get_uint(t, col, 0, 1, out, err);
}

static int copy_required(const struct csv_table *t, const char *col, char *dst, size_t n,
			 struct load_error *err)
{
	const char *s = csv_table_get(t, col);
	if (!*s || strlen(s) >= n) {
		load_error_set(err, t, col, *s ? M_TABLE_BAD_VALUE : M_TABLE_REQUIRED, s);
		return APP_EINVAL;
	}
	memcpy(dst, s, strlen(s) + 1);
	return 0;
}

static int load_stage(const struct csv_table *t, struct wf_stage *st, struct load_error *err)
{
	memset(st, 0, sizeof(*st));
	const char *owner = csv_table_get(t, "pemilik");
	st->owner = role_parse(owner);
	if (st->owner == ROLE_NONE) {
		load_error_set(err, t, "pemilik", M_TABLE_BAD_VALUE, owner);
		return APP_EINVAL;
	}
	int rc = copy_required(t, "kode", st->code, sizeof(st->code), err);
	rc = rc ? rc : copy_required(t, "nama_id", st->name_id, sizeof(st->name_id), err);
	rc = rc ? rc : copy_required(t, "konteks", st->context, sizeof(st->context), err);
	rc = rc ? rc : csv_table_get_uint(t, "tenggat", 0, 366, &st->deadline, err);
	rc = rc ? rc : parse_unit(t, "satuan", st->deadline, &st->unit, err);
	rc = rc ? rc : csv_table_get_uint(t, "tenggat_tambahan", 0, 366, &st->extension, err);
	rc = rc ? rc : parse_unit(t, "satuan_tambahan", st->extension, &st->extension_unit, err);
	rc = rc ? rc : parse_flag(t, "jeda", &st->pauses_clock, err);
	rc = rc ? rc : parse_flag(t, "akhir", &st->terminal, err);
	if (rc)
		return rc;
	snprintf(st->name_en, sizeof(st->name_en), "%s", csv_table_get(t, "nama_en"));
	snprintf(st->legal_basis, sizeof(st->legal_basis), "%s", csv_table_get(t, "dasar_hukum"));
	snprintf(st->grade, sizeof(st->grade), "%s", csv_table_get(t, "grade"));
	snprintf(st->note, sizeof(st->note), "%s", csv_table_get(t, "catatan"));
	return 0;
}

/* Split "a;b;c" calling fn for each non-empty item. */
static int each_item(const char *list, int (*fn)(void *ctx, const char *item, size_t n),
		     void *ctx)
{
	while (*list) {
		const char *end = strchr(list, ';');
		size_t n = end ? (size_t)(end - list) : strlen(list);
		if (n) {
			int rc = fn(ctx, list, n);
			if (rc)
				return rc;
		}
		list += n + (end ? 1 : 0);
	}
	return 0;
}

static int add_role(void *ctx, const char *item, size_t n)
{
	char name[32];
	if (n >= sizeof(name))
		return APP_EINVAL;
	memcpy(name, item, n);
	name[n] = '\0';
	enum role r = role_parse(name);
	if (r == ROLE_NONE)
		return APP_EINVAL;
	((struct wf_transition *)ctx)->roles |= 1u << r;
	return 0;
}

static int add_field(void *ctx, const char *item, size_t n)
{
	struct wf_transition *tr = ctx;
	if (tr->nrequired == WF_MAX_FIELDS || n >= sizeof(tr->required[0]))
		return APP_EINVAL;
	memcpy(tr->required[tr->nrequired], item, n);
	tr->required[tr->nrequired++][n] = '\0';
	return 0;
}

static int load_transition(const struct csv_table *t, struct wf_transition *tr,
			   struct load_error *err)
{
	memset(tr, 0, sizeof(*tr));
	int rc = copy_required(t, "dari", tr->from, sizeof(tr->from), err);
	rc = rc ? rc : copy_required(t, "ke", tr->to, sizeof(tr->to), err);
	if (rc)
		return rc;
	const char *roles = csv_table_get(t, "peran");
	if (each_item(roles, add_role, tr) || !tr->roles) {
		load_error_set(err, t, "peran", roles[0] ? M_TABLE_BAD_VALUE : M_TABLE_REQUIRED, roles);
		return APP_EINVAL;
	}
	const char *fields = csv_table_get(t, "wajib");
	if (each_item(fields, add_field, tr)) {
		load_error_set(err, t, "wajib", M_TABLE_BAD_VALUE, fields);
		return APP_EINVAL;
	}
	snprintf(tr->note, sizeof(tr->note), "%s", csv_table_get(t, "keterangan"));
	return 0;
}

int workflow_load_csv(struct workflow *wf, const char *stages, size_t nstages,
		      const char *transitions, size_t ntransitions, struct load_error *err,
		      char *problem, size_t problemsz)
{
	static const char *const stage_cols[] = { "kode", "nama_id", "pemilik", "konteks",
						  "tenggat", "satuan", NULL };
	static const char *const tr_cols[] = { "dari", "ke", "peran", NULL };
	struct workflow fresh;
	struct csv_table t;
	workflow_init(&fresh);
	problem[0] = '\0';

	int rc = csv_table_open_mem(&t, stages, nstages, stage_cols, err);
	while (!rc && (rc = csv_table_next(&t, err)) == 1) {
		struct wf_stage st;
		rc = load_stage(&t, &st, err);
		if (!rc)
			workflow_add_stage(&fresh, &st);
	}
	csv_table_close(&t);
	if (!rc)
		rc = csv_table_open_mem(&t, transitions, ntransitions, tr_cols, err);
	else
		goto fail;
	while (!rc && (rc = csv_table_next(&t, err)) == 1) {
		struct wf_transition tr;
		rc = load_transition(&t, &tr, err);
		if (!rc)
			workflow_add_transition(&fresh, &tr);
	}
	csv_table_close(&t);
	if (rc < 0)
		goto fail;
	rc = workflow_validate(&fresh, problem, problemsz);
	if (rc)
		goto fail;
	fresh.version = wf->version + 1;
	workflow_release(wf);
	*wf = fresh;
	return 0;
fail:
	workflow_release(&fresh);
	return rc;
}

int workflow_load_default(struct workflow *wf, struct load_error *err, char *problem,
			  size_t problemsz)
{
	const struct embedded_file *s = embedded_find("data/netralitas/tahapan.csv");
	const struct embedded_file *t = embedded_find("data/netralitas/transisi.csv");
	if (!s || !t)
		return APP_EINTERNAL;
	return workflow_load_csv(wf, s->data, s->len, t->data, t->len, err, problem, problemsz);
}
