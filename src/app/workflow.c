#include "core/compat.h"
#include "app/workflow.h"
#include "core/err.h"
#include "core/xalloc.h"

void workflow_init(struct workflow *wf)
{
	memset(wf, 0, sizeof(*wf));
}

void workflow_release(struct workflow *wf)
{
	free(wf->stages);
	free(wf->transitions);
	workflow_init(wf);
}

void workflow_add_stage(struct workflow *wf, const struct wf_stage *st)
{
	if (wf->nstages == wf->cap_stages) {
		wf->cap_stages = wf->cap_stages ? st_mult(wf->cap_stages, 2) : 16;
		wf->stages = xrealloc(wf->stages, st_mult(wf->cap_stages, sizeof(*st)));
	}
	wf->stages[wf->nstages++] = *st;
}

void workflow_add_transition(struct workflow *wf, const struct wf_transition *tr)
{
	if (wf->ntransitions == wf->cap_transitions) {
		wf->cap_transitions = wf->cap_transitions ? st_mult(wf->cap_transitions, 2) : 32;
		wf->transitions = xrealloc(wf->transitions,
					   st_mult(wf->cap_transitions, sizeof(*tr)));
	}
	wf->transitions[wf->ntransitions++] = *tr;
}

const struct wf_stage *workflow_stage(const struct workflow *wf, const char *code,
				      const char *context)
{
	const struct wf_stage *any = NULL;
	for (size_t i = 0; i < wf->nstages; i++) {
		const struct wf_stage *st = &wf->stages[i];
		if (strcmp(st->code, code))
			continue;
		if (context && !strcmp(st->context, context))
			return st;
		if (!strcmp(st->context, "*") && !any)
			any = st;
	}
	return any;
}

static int known(const struct workflow *wf, const char *code)
{
	for (size_t i = 0; i < wf->nstages; i++)
		if (!strcmp(wf->stages[i].code, code))
			return 1;
	return 0;
}

static int has_exit(const struct workflow *wf, const char *code)
{
	for (size_t i = 0; i < wf->ntransitions; i++)
		if (!strcmp(wf->transitions[i].from, code))
			return 1;
	return 0;
}

int workflow_validate(const struct workflow *wf, char *problem, size_t problemsz)
{
	if (!wf->nstages) {
		snprintf(problem, problemsz, "definisi tidak memiliki tahapan");
		return APP_EINVAL;
	}
	for (size_t i = 0; i < wf->ntransitions; i++) {
		const struct wf_transition *t = &wf->transitions[i];
		const char *bad = !known(wf, t->from) ? t->from : !known(wf, t->to) ? t->to : NULL;
		if (bad) {
			snprintf(problem, problemsz, "transisi %s -> %s: tahapan '%s' tidak dikenal",
				 t->from, t->to, bad);
			return APP_EINVAL;
		}
		if (!t->roles) {
			snprintf(problem, problemsz, "transisi %s -> %s tanpa peran", t->from, t->to);
			return APP_EINVAL;
		}
	}
	for (size_t i = 0; i < wf->nstages; i++) {
		const struct wf_stage *st = &wf->stages[i];
		int exits = has_exit(wf, st->code);
		if (st->terminal && exits) {
			snprintf(problem, problemsz, "tahapan akhir '%s' memiliki transisi keluar", st->code);
			return APP_EINVAL;
		}
		if (!st->terminal && !exits) {
			snprintf(problem, problemsz, "tahapan '%s' tidak memiliki jalan keluar", st->code);
			return APP_EINVAL;
		}
		if (st->deadline < 0 || st->extension < 0) {
			snprintf(problem, problemsz, "tahapan '%s': tenggat negatif", st->code);
			return APP_EINVAL;
		}
	}
	return 0;
}

static const struct wf_transition *find(const struct workflow *wf, const char *from, const char *to)
{
	for (size_t i = 0; i < wf->ntransitions; i++)
		if (!strcmp(wf->transitions[i].from, from) && !strcmp(wf->transitions[i].to, to))
			return &wf->transitions[i];
	return NULL;
}

int workflow_check(const struct workflow *wf, const char *from, const char *to, enum role role,
		   int (*have_field)(void *ctx, const char *name), void *ctx,
		   const char **missing)
{
	*missing = NULL;
	const struct wf_transition *t = find(wf, from, to);
	if (!t)
		return APP_ENOTFOUND;
	if (!(t->roles & (1u << role)))
		return APP_EPERM;
	for (size_t i = 0; i < t->nrequired; i++)
		if (!have_field(ctx, t->required[i])) {
			*missing = t->required[i];
			return APP_EINVAL;
		}
	return 0;
}

size_t workflow_next(const struct workflow *wf, const char *from, enum role role,
		     const struct wf_transition **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < wf->ntransitions; i++) {
		const struct wf_transition *t = &wf->transitions[i];
		if (!strcmp(t->from, from) && (t->roles & (1u << role)) && n < max)
			out[n++] = t;
	}
	return n;
}
