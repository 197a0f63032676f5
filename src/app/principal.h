/* Who is acting, and what they may see. Scope is enforced here, in app/,
 * never in page or API code: every app function that reads or writes a
 * scoped object takes a principal. */
#ifndef WASDAL_APP_PRINCIPAL_H
#define WASDAL_APP_PRINCIPAL_H

#include <stdint.h>

enum role {
	ROLE_NONE = 0,   /* anonymous citizen */
	ROLE_ADMIN,      /* system administrator, national */
	ROLE_BKN,        /* national oversight (Satgas/BKN) */
	ROLE_BAWASLU,    /* nasional / provinsi / kab-kota by scope */
	ROLE_PPK,        /* head of an instansi */
	ROLE_BKPSDM,     /* regional HR office */
	ROLE_ASN,        /* employee self-service (own record only) */
	ROLE_AUDITOR,    /* read-only, everything in scope, verifies the chain */
	ROLE_CUSTODIAN,  /* may open sealed reporter identities, with a reason */
	ROLE_PANSEL,     /* selection committee */
	ROLE__COUNT
};

struct principal {
	int64_t user_id;        /* 0 when anonymous */
	char username[64];
	char nama[128];
	enum role role;
	int64_t instansi_id;
	char scope_path[256];   /* "/" national, "/1/4/" a province ... */
	char nip[19];           /* ROLE_ASN: the employee's own NIP */
};

enum role role_parse(const char *s);       /* ROLE_NONE when unknown */
const char *role_name(enum role r);         /* "admin", "bkn", ... */

/* True when path (an instansi path) lies at or under the principal's scope. */
int principal_sees_path(const struct principal *p, const char *instansi_path);

/* What a role may do, whatever the scope (the scope check comes on top). */
enum permission {
	PERM_REGISTRY_READ,
	PERM_REGISTRY_WRITE,   /* create/update employees, import */
	PERM_REGISTRY_BLOKIR,  /* set/lift data blocking */
	PERM_USER_ADMIN,
	PERM_AUDIT_READ,
	PERM__COUNT
};
int principal_can(const struct principal *p, enum permission perm);

#endif
