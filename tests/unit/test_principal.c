#include "core/compat.h"
#include "app/principal.h"
#include "app/auth.h"
#include "app/registry.h"
#include "test_helpers.h"

static struct principal mk(enum role r, const char *scope)
{
	struct principal p;
	memset(&p, 0, sizeof(p));
	p.role = r;
	snprintf(p.scope_path, sizeof(p.scope_path), "%s", scope);
	return p;
}

static void roles_round_trip(void **state)
{
	(void)state;
	for (int r = ROLE_NONE + 1; r < ROLE__COUNT; r++)
		assert_int_eq(role_parse(role_name((enum role)r)), r);
	assert_int_eq(role_parse("ADMIN"), ROLE_NONE);
	assert_int_eq(role_parse(""), ROLE_NONE);
	assert_int_eq(role_parse(NULL), ROLE_NONE);
	assert_int_eq(role_parse("none"), ROLE_NONE);
	assert_str_eq(role_name(ROLE_BKPSDM), "bkpsdm");
	assert_str_eq(role_name((enum role)99), "none");
}

static void scope_is_a_path_prefix(void **state)
{
	(void)state;
	struct principal p = mk(ROLE_BKPSDM, "/1/4/");
	assert_true(principal_sees_path(&p, "/1/4/"));
	assert_true(principal_sees_path(&p, "/1/4/9/"));
	assert_false(principal_sees_path(&p, "/1/5/"));
	assert_false(principal_sees_path(&p, "/1/45/"));
	assert_false(principal_sees_path(&p, "/1/"));
	assert_false(principal_sees_path(&p, ""));
	assert_false(principal_sees_path(&p, NULL));
	struct principal nat = mk(ROLE_AUDITOR, "/");
	assert_true(principal_sees_path(&nat, "/1/5/7/"));
	struct principal bad = mk(ROLE_ADMIN, "/1/4");
	assert_false(principal_sees_path(&bad, "/1/4/"));
	struct principal empty = mk(ROLE_ADMIN, "");
	assert_false(principal_sees_path(&empty, "/1/"));
	struct principal anon = mk(ROLE_NONE, "/");
	assert_false(principal_sees_path(&anon, "/1/"));
}

static void permission_table(void **state)
{
	(void)state;
	struct principal admin = mk(ROLE_ADMIN, "/"), bkpsdm = mk(ROLE_BKPSDM, "/1/4/"),
			 asn = mk(ROLE_ASN, "/1/4/"), auditor = mk(ROLE_AUDITOR, "/"),
			 bkn = mk(ROLE_BKN, "/"), anon = mk(ROLE_NONE, "/");
	for (int perm = 0; perm < PERM__COUNT; perm++)
		assert_true(principal_can(&admin, (enum permission)perm));
	assert_true(principal_can(&bkpsdm, PERM_REGISTRY_WRITE));
	assert_false(principal_can(&bkpsdm, PERM_REGISTRY_BLOKIR));
	assert_true(principal_can(&bkn, PERM_REGISTRY_BLOKIR));
	assert_false(principal_can(&bkn, PERM_REGISTRY_WRITE));
	assert_true(principal_can(&asn, PERM_REGISTRY_READ));
	assert_false(principal_can(&asn, PERM_REGISTRY_WRITE));
	assert_false(principal_can(&auditor, PERM_REGISTRY_WRITE));
	assert_true(principal_can(&auditor, PERM_AUDIT_READ));
	for (int perm = 0; perm < PERM__COUNT; perm++)
		assert_false(principal_can(&anon, (enum permission)perm));
	assert_false(principal_can(NULL, PERM_REGISTRY_READ));
	assert_false(principal_can(&admin, PERM__COUNT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles_round_trip),
		cmocka_unit_test(scope_is_a_path_prefix),
		cmocka_unit_test(permission_table),
	};
	return RUN_TESTS("principal", tests);
}
