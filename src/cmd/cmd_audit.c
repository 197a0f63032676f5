/* wasdal audit verify: walk the audit chain; exit 0 when intact, 1 naming
 * the first bad record otherwise. --expect SEQ:HASH also checks a published
 * head: a chain rewritten from some record on, or cut short, verifies on its
 * own, but no longer has the hash that was published outside the database. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_store.h"
#include "app/audit.h"
#include "core/err.h"
#include "crypto/hash_chain.h"
#include "store/store.h"

struct expect {
	int64_t seq;
	char hash[65];
	int found, match;
};

static int parse_expect(const char *arg, struct expect *e)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (errno || v < 1 || *end != ':' || !hash_is_hex(end + 1))
		return -1;
	e->seq = v;
	memcpy(e->hash, end + 1, sizeof(e->hash));
	return 0;
}

static int check_expect(void *ctx, const struct audit_rec *r)
{
	struct expect *e = ctx;
	if (r->seq == e->seq) {
		e->found = 1;
		e->match = !strcmp(r->hash, e->hash);
	}
	return 0;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int verify(const char *url, const struct expect *want)
{
	struct store *s;
	struct audit_verify_result r;
	struct expect e = want ? *want : (struct expect){ 0 };
	int rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s);
	if (rc)
		return rc;
	rc = audit_verify(s, &r);
	if (!rc && want && want->seq <= r.count)
		rc = store_audit_list(s, want->seq, 1, check_expect, &e);
	if (rc && rc != APP_ECONFLICT) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		store_close(s);
		return EXIT_INTERNAL;
	}
	store_close(s);
	if (rc == APP_ECONFLICT) {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_AUDIT_BROKEN), r.bad_seq,
			msg_cli_lang() == LANG_EN ? r.problem_en : r.problem);
		fputc('\n', stderr);
		return EXIT_CHECK_FAILED;
	}
	if (want && !e.found) {
		cmd_error(M_AUDIT_EXPECT_SHORT, r.count, want->seq);
		return EXIT_CHECK_FAILED;
	}
	if (want && !e.match) {
		cmd_error(M_AUDIT_EXPECT_DIFF, want->seq);
		return EXIT_CHECK_FAILED;
	}
	printf(msgc(M_AUDIT_INTACT), r.count, r.head_hash);
	putchar('\n');
	if (want) {
		printf(msgc(M_AUDIT_EXPECT_OK), want->seq);
		putchar('\n');
	}
	return EXIT_OK;
}
#pragma GCC diagnostic pop

int cmd_audit(int argc, char **argv)
{
	const char *url;
	struct expect e, *want = NULL;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (rc)
		return rc;
	if (argc < 2 || strcmp(argv[1], "verify"))
		return cmd_usage("audit");
	for (int i = 2; i < argc; i++) {
		const char *val = NULL;
		if (!strcmp(argv[i], "--expect")) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, "--expect");
				return EXIT_USAGE;
			}
			val = argv[++i];
		} else if (!strncmp(argv[i], "--expect=", 9)) {
			val = argv[i] + 9;
		} else {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("audit");
		}
		if (parse_expect(val, &e)) {
			cmd_error(M_AUDIT_EXPECT_BAD, val);
			return EXIT_USAGE;
		}
		want = &e;
	}
	return verify(url, want);
}
