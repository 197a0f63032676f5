#include "core/compat.h"
#include "app/workflow.h"
#include "core/err.h"
#include "test_helpers.h"

static void stage(struct workflow *wf, const char *code, const char *ctx, int deadline,
		  enum deadline_unit unit, int terminal)
{
	struct wf_stage st = { .deadline = deadline, .unit = unit, .terminal = terminal,
			       .owner = ROLE_BKN };
	snprintf(st.code, sizeof(st.code), "%s", code);
	snprintf(st.context, sizeof(st.context), "%s", ctx);
	workflow_add_stage(wf, &st);
}

static void transition(struct workflow *wf, const char *from, const char *to, unsigned roles,
		       const char *req)
{
	struct wf_transition t = { .roles = roles };
	snprintf(t.from, sizeof(t.from), "%s", from);
	snprintf(t.to, sizeof(t.to), "%s", to);
	if (req) {
		snprintf(t.required[0], sizeof(t.required[0]), "%s", req);
		t.nrequired = 1;
	}
	workflow_add_transition(wf, &t);
}

static void build(struct workflow *wf)
{
	workflow_init(wf);
	stage(wf, "diterima", "*", 0, 0, 0);
	stage(wf, "kajian", "pemilu", 7, DEADLINE_CALENDAR_DAYS, 0);
	stage(wf, "kajian", "pilkada", 3, DEADLINE_CALENDAR_DAYS, 0);
	stage(wf, "kajian", "*", 5, DEADLINE_WORKING_DAYS, 0);
	stage(wf, "selesai", "*", 0, 0, 1);
	transition(wf, "diterima", "kajian", 1u << ROLE_BKN, NULL);
	transition(wf, "kajian", "selesai", 1u << ROLE_BAWASLU, "hasil_kajian");
}

static int fields_none(void *ctx, const char *name)
{
	(void)ctx; (void)name;
	return 0;
}

static int fields_all(void *ctx, const char *name)
{
	(void)ctx; (void)name;
	return 1;
}

static void context_specific_rows(void **state)
{
	(void)state;
	struct workflow wf;
	build(&wf);
	assert_int_eq(workflow_stage(&wf, "kajian", "pemilu")->deadline, 7);
	assert_int_eq(workflow_stage(&wf, "kajian", "pilkada")->deadline, 3);
	/* Another context falls back to the "*" row. */
	assert_int_eq(workflow_stage(&wf, "kajian", "lainnya")->deadline, 5);
	assert_null(workflow_stage(&wf, "tidak_ada", "pemilu"));
	workflow_release(&wf);
}

static void roles_and_required_fields(void **state)
{
	(void)state;
	struct workflow wf;
	build(&wf);
	const char *missing;
	assert_int_eq(workflow_check(&wf, "diterima", "kajian", ROLE_BKN, fields_none, NULL, &missing), 0);
	assert_int_eq(workflow_check(&wf, "diterima", "kajian", ROLE_PPK, fields_none, NULL, &missing),
		      APP_EPERM);
	assert_int_eq(workflow_check(&wf, "diterima", "selesai", ROLE_BKN, fields_all, NULL, &missing),
		      APP_ENOTFOUND);
	assert_int_eq(workflow_check(&wf, "kajian", "selesai", ROLE_BAWASLU, fields_none, NULL, &missing),
		      APP_EINVAL);
	assert_str_eq(missing, "hasil_kajian");
	assert_int_eq(workflow_check(&wf, "kajian", "selesai", ROLE_BAWASLU, fields_all, NULL, &missing), 0);
	const struct wf_transition *next[4];
	assert_int_eq(workflow_next(&wf, "kajian", ROLE_BAWASLU, next, 4), 1);
	assert_str_eq(next[0]->to, "selesai");
	assert_int_eq(workflow_next(&wf, "kajian", ROLE_BKN, next, 4), 0);
	workflow_release(&wf);
}

static void validation(void **state)
{
	(void)state;
	struct workflow wf;
	char problem[200];
	build(&wf);
	assert_int_eq(workflow_validate(&wf, problem, sizeof(problem)), 0);
	/* A terminal stage with a way out is a broken definition. */
	transition(&wf, "selesai", "kajian", 1u << ROLE_BKN, NULL);
	assert_int_eq(workflow_validate(&wf, problem, sizeof(problem)), APP_EINVAL);
	assert_non_null(strstr(problem, "selesai"));
	workflow_release(&wf);

	build(&wf);
	transition(&wf, "kajian", "hilang", 1u << ROLE_BKN, NULL);
	assert_int_eq(workflow_validate(&wf, problem, sizeof(problem)), APP_EINVAL);
	assert_non_null(strstr(problem, "hilang"));
	workflow_release(&wf);

	build(&wf);
	stage(&wf, "buntu", "*", 0, 0, 0);
	assert_int_eq(workflow_validate(&wf, problem, sizeof(problem)), APP_EINVAL);
	assert_non_null(strstr(problem, "buntu"));
	workflow_release(&wf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(context_specific_rows),
		cmocka_unit_test(roles_and_required_fields),
		cmocka_unit_test(validation),
	};
	return RUN_TESTS("workflow", tests);
}
