/* The neutrality case workflow as data: stages (who owns each, its
 * deadline and legal basis, per election context) and the transitions
 * allowed between them (which roles, which fields are required). One
 * generic engine reads any definition; the seed is data/netralitas/
 * tahapan.csv + transisi.csv, and an admin may publish a new version. */
#ifndef WASDAL_APP_WORKFLOW_H
#define WASDAL_APP_WORKFLOW_H

#include <stddef.h>
#include "app/calendar.h"
#include "app/principal.h"

#define WF_CODE_MAX 40
#define WF_MAX_FIELDS 6

struct wf_stage {
	char code[WF_CODE_MAX];
	char name_id[120], name_en[120];
	enum role owner;
	char context[16];            /* "pemilu", "pilkada" or "*" for any */
	int deadline;                /* 0 = no legal deadline */
	enum deadline_unit unit;
	int extension;               /* extra time when more information is needed */
	enum deadline_unit extension_unit;
	int pauses_clock;            /* waiting on the reporter */
	int terminal;
	char legal_basis[200];
	char grade[4];               /* A, B, C: how sure the source is */
	char note[240];
};

struct wf_transition {
	char from[WF_CODE_MAX], to[WF_CODE_MAX];
	unsigned roles;              /* bit (1u << role) per allowed role */
	char required[WF_MAX_FIELDS][32];
	size_t nrequired;
	char note[200];
};

struct workflow {
	int version;
	struct wf_stage *stages;
	size_t nstages, cap_stages;
	struct wf_transition *transitions;
	size_t ntransitions, cap_transitions;
};

void workflow_init(struct workflow *wf);
void workflow_release(struct workflow *wf);
void workflow_add_stage(struct workflow *wf, const struct wf_stage *st);
void workflow_add_transition(struct workflow *wf, const struct wf_transition *tr);

/* The stage row for a code in an election context: the context-specific row
 * if there is one, else the "*" row; NULL if the code is unknown. */
const struct wf_stage *workflow_stage(const struct workflow *wf, const char *code,
				      const char *context);

/* Checks a definition: every transition names known stages, terminal stages
 * have no way out, every non-terminal stage has one, the first stage exists.
 * Returns 0, or APP_EINVAL with a description in problem. */
int workflow_validate(const struct workflow *wf, char *problem, size_t problemsz);

/* May role move a case from -> to? have_field(ctx, name) answers whether a
 * required field was supplied. Returns 0; APP_ENOTFOUND when no such
 * transition exists; APP_EPERM when the role may not take it; APP_EINVAL
 * with *missing set to the first missing required field. */
int workflow_check(const struct workflow *wf, const char *from, const char *to, enum role role,
		   int (*have_field)(void *ctx, const char *name), void *ctx,
		   const char **missing);

/* The transitions out of a stage that role may take, in definition order. */
size_t workflow_next(const struct workflow *wf, const char *from, enum role role,
		     const struct wf_transition **out, size_t max);

struct load_error;
/* Replace wf with the definition in two CSV texts (columns documented in
 * docs/netralitas.md), all or nothing: a row error fills *err, a definition
 * that fails workflow_validate fills problem. The version goes up by one. */
int workflow_load_csv(struct workflow *wf, const char *stages, size_t nstages,
		      const char *transitions, size_t ntransitions, struct load_error *err,
		      char *problem, size_t problemsz);
/* The seeded neutrality workflow (data/netralitas/tahapan.csv, transisi.csv). */
int workflow_load_default(struct workflow *wf, struct load_error *err, char *problem,
			  size_t problemsz);

#endif
