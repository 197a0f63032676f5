/* Roles, scope and the role x permission table (documented in
 * docs/registry.md; keep the two in step). */
#include "core/compat.h"
#include "app/principal.h"

static const char *const role_names[ROLE__COUNT] = {
	[ROLE_NONE] = "none",
	[ROLE_ADMIN] = "admin",
	[ROLE_BKN] = "bkn",
	[ROLE_BAWASLU] = "bawaslu",
	[ROLE_PPK] = "ppk",
	[ROLE_BKPSDM] = "bkpsdm",
	[ROLE_ASN] = "asn",
	[ROLE_AUDITOR] = "auditor",
	[ROLE_CUSTODIAN] = "custodian",
	[ROLE_PANSEL] = "pansel",
};

/* What each role may do, whatever its scope; the scope check comes on top
 * (principal_sees_path). R read, W write/import, B blokir, U user admin,
 * A audit read. */
#define R (1u << PERM_REGISTRY_READ)
#define W (1u << PERM_REGISTRY_WRITE)
#define B (1u << PERM_REGISTRY_BLOKIR)
#define U (1u << PERM_USER_ADMIN)
#define A (1u << PERM_AUDIT_READ)
static const unsigned role_perms[ROLE__COUNT] = {
	[ROLE_NONE] = 0,
	[ROLE_ADMIN] = R | W | B | U | A,
	[ROLE_BKN] = R | B | A,
	[ROLE_BAWASLU] = R,
	[ROLE_PPK] = R,
	[ROLE_BKPSDM] = R | W | U,
	[ROLE_ASN] = R,           /* its own record only: see app/registry.c */
	[ROLE_AUDITOR] = R | A,
	[ROLE_CUSTODIAN] = A,
	[ROLE_PANSEL] = 0,
};
#undef R
#undef W
#undef B
#undef U
#undef A

enum role role_parse(const char *s)
{
	if (!s)
		return ROLE_NONE;
	for (int r = ROLE_NONE + 1; r < ROLE__COUNT; r++)
		if (!strcmp(s, role_names[r]))
			return (enum role)r;
	return ROLE_NONE;
}

const char *role_name(enum role r)
{
	if ((unsigned)r >= ROLE__COUNT)
		return "none";
	return role_names[r];
}

/* Paths look like "/1/4/9/": the prefix test is exact because every path
 * component ends with '/', so "/1/4/" never matches "/1/45/". A scope that
 * does not end with '/' is malformed and sees nothing. */
int principal_sees_path(const struct principal *p, const char *instansi_path)
{
	if (!p || !instansi_path || p->role == ROLE_NONE)
		return 0;
	size_t n = strlen(p->scope_path);
	if (n == 0 || p->scope_path[0] != '/' || p->scope_path[n - 1] != '/')
		return 0;
	return strncmp(instansi_path, p->scope_path, n) == 0;
}

int principal_can(const struct principal *p, enum permission perm)
{
	if (!p || (unsigned)p->role >= ROLE__COUNT || (unsigned)perm >= PERM__COUNT)
		return 0;
	return (role_perms[p->role] >> perm) & 1u;
}
