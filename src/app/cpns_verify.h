/* Checking a published CPNS result directory: recompute the SHA-256 of
 * every file listed in DIR/summary.txt and DIR/final-summary.txt (either
 * may be absent, not both; "sha256 NAME HEX PATH" lines, a relative PATH
 * is inside DIR) and compare. Used by `wasdal cpns verify`
 * and, later, by `publish` before anything goes out. */
#ifndef WASDAL_APP_CPNS_VERIFY_H
#define WASDAL_APP_CPNS_VERIFY_H

#include "crypto/sha256.h"

#define CPNS_VERIFY_MAX 16

enum cpns_verify_state { CPNS_V_OK, CPNS_V_MISMATCH, CPNS_V_UNREADABLE };

struct cpns_verify_item {
	char name[16];
	char *path;            /* resolved path */
	char expect[SHA256_HEX], got[SHA256_HEX];
	enum cpns_verify_state state;
	int err;               /* errno when unreadable */
};

struct cpns_verify {
	struct cpns_verify_item item[CPNS_VERIFY_MAX];
	int n;
};

/* Returns 0 if every listed file matches, 1 if any differs or cannot be
 * read, APP_ENOTFOUND if DIR/summary.txt is missing, APP_EINVAL if it has
 * no or malformed sha256 lines. Free with cpns_verify_free. */
int cpns_verify_dir(const char *dir, struct cpns_verify *v);
void cpns_verify_free(struct cpns_verify *v);

#endif
