/* app/audit.c on a SQLite file: appending inside write transactions and
 * verifying the chain, including records forged through the store.
 *
 * The same binary is the audit fixture of the end-to-end tests:
 *   test_audit --fixture URL N   migrate URL and append N audited writes
 *   test_audit --loop URL        append audited writes until killed
 * (tests/e2e/t_store_cli.sh tampers with the result, or kills the loop
 * with SIGKILL, and runs 'wasdal audit verify'). */
#include "core/compat.h"
#include "app/audit.h"
#include "core/err.h"
#include "crypto/hash_chain.h"
#include "store/store.h"
#include "test_helpers.h"
#include <unistd.h>

static char dir[64];
static char db_url[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/wasdal-audit-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db_url, sizeof(db_url), "sqlite:%s/audit.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	static const char *const files[] = { "audit.db", "audit.db-wal", "audit.db-shm" };
	char p[128];
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

static struct store *open_migrated(const char *url)
{
	struct store *s;
	if (store_open(url, &s))
		return NULL;
	if (store_migrate(s, NULL, NULL)) {
		fprintf(stderr, "migrate: %s\n", store_last_error(s));
		store_close(s);
		return NULL;
	}
	return s;
}

/* One audited write: an instansi upsert and its audit record, committed
 * together. */
static int audited_write(struct store *s, long i)
{
	struct principal who = { .user_id = 1 + i % 3 };
	struct instansi in = { .jenis = INSTANSI_NASIONAL };
	char id[32], diff[128];
	snprintf(who.username, sizeof(who.username), "operator%ld", i % 3);
	snprintf(in.kode, sizeof(in.kode), "FX-%ld", i % 50);
	snprintf(in.nama, sizeof(in.nama), "Instansi uji %ld", i);
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_instansi_put(s, &in);
	snprintf(id, sizeof(id), "%" PRId64, in.id);
	snprintf(diff, sizeof(diff), "{\"nama\":[null,\"Instansi uji %ld\"]}", i);
	if (!rc)
		rc = audit_append(s, i % 5 ? &who : NULL, i % 7 ? "update" : "create", "instansi", id,
				  i % 4 ? diff : NULL);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

static void empty_chain_verifies(void **state)
{
	(void)state;
	struct store *s = open_migrated(db_url);
	assert_non_null(s);
	struct audit_verify_result r;
	assert_int_eq(audit_verify(s, &r), 0);
	assert_int_eq(r.count, 0);
	assert_str_eq(r.head_hash, hash_chain_genesis);
	store_close(s);
}

static void append_needs_write_tx_and_valid_fields(void **state)
{
	(void)state;
	struct store *s = open_migrated(db_url);
	assert_non_null(s);
	assert_int_eq(audit_append(s, NULL, "login", "user", "1", NULL), APP_EINTERNAL);
	assert_int_eq(store_tx_begin(s, STORE_TX_WRITE), 0);
	assert_int_eq(audit_append(s, NULL, "", "user", "1", NULL), APP_EINVAL);
	assert_int_eq(audit_append(s, NULL, "an-action-name-longer-than-31-bytes", "user", "1", NULL),
		      APP_EINVAL);
	store_tx_rollback(s);
	store_close(s);
}

struct last {
	struct audit_rec r;
	char diff[256];
	int n;
};

static int keep_last(void *ctx, const struct audit_rec *r)
{
	struct last *l = ctx;
	l->r = *r;
	snprintf(l->diff, sizeof(l->diff), "%s", r->diff);
	l->r.diff = l->diff;
	l->n++;
	return 0;
}

static void appends_chain_and_verify(void **state)
{
	(void)state;
	struct store *s = open_migrated(db_url);
	assert_non_null(s);
	for (long i = 0; i < 20; i++)
		assert_int_eq(audited_write(s, i), 0);
	/* a rolled-back append leaves no trace */
	assert_int_eq(store_tx_begin(s, STORE_TX_WRITE), 0);
	assert_int_eq(audit_append(s, NULL, "delete", "instansi", "1", NULL), 0);
	store_tx_rollback(s);

	struct audit_verify_result r;
	int64_t seq;
	char head[65];
	assert_int_eq(audit_verify(s, &r), 0);
	assert_int_eq(r.count, 20);
	assert_int_eq(store_audit_head(s, &seq, head), 0);
	assert_int_eq(seq, 20);
	assert_str_eq(r.head_hash, head);

	struct last l = { .n = 0 };
	assert_int_eq(store_audit_list(s, 1, 1, keep_last, &l), 0);
	assert_str_eq(l.r.prev_hash, hash_chain_genesis);
	assert_str_eq(l.r.actor, "system"); /* i = 0: no principal */
	assert_int_eq(l.r.actor_id, 0);
	assert_str_eq(l.r.action, "create");
	assert_int_eq(store_audit_list(s, 2, 1, keep_last, &l), 0);
	assert_str_eq(l.r.actor, "operator1");
	assert_int_eq(l.r.actor_id, 2);
	assert_str_eq(l.r.diff, "{\"nama\":[null,\"Instansi uji 1\"]}");
	store_close(s);
}

/* Records forged through store_audit_insert: each kind names its seq. */
static void forged_records_are_named(void **state)
{
	(void)state;
	struct store *s = open_migrated(db_url);
	assert_non_null(s);
	for (long i = 0; i < 5; i++)
		assert_int_eq(audited_write(s, i), 0);
	struct audit_verify_result r;
	int64_t seq;
	struct audit_rec f = { .ts_ms = 1, .diff = "" };
	snprintf(f.action, sizeof(f.action), "update");

	/* a well-formed record whose hash does not match its fields */
	assert_int_eq(store_audit_head(s, &seq, f.prev_hash), 0);
	f.seq = seq + 1;
	memset(f.hash, 'a', 64);
	assert_int_eq(store_tx_begin(s, STORE_TX_WRITE), 0);
	assert_int_eq(store_audit_insert(s, &f), 0);
	assert_int_eq(store_tx_commit(s), 0);
	assert_int_eq(audit_verify(s, &r), APP_ECONFLICT);
	assert_int_eq(r.bad_seq, 6);
	assert_int_eq(r.count, 5);
	assert_true(strstr(r.problem_en, "hash") != NULL);
	assert_true(strlen(r.problem) > 0);
	store_close(s);
}

static void gap_and_broken_link_are_named(void **state)
{
	(void)state;
	struct store *s = open_migrated(db_url);
	assert_non_null(s);
	for (long i = 0; i < 3; i++)
		assert_int_eq(audited_write(s, i), 0);
	struct audit_verify_result r;
	struct audit_rec f = { .ts_ms = 1, .diff = "" };
	snprintf(f.action, sizeof(f.action), "x");
	/* seq 5 after 3: a gap */
	f.seq = 5;
	memset(f.prev_hash, 'b', 64);
	struct hash_chain_fields hf = { .seq = 5, .ts_ms = 1, .action = "x", .diff = "",
					.prev_hash = f.prev_hash };
	hash_chain_record(&hf, f.hash);
	assert_int_eq(store_tx_begin(s, STORE_TX_WRITE), 0);
	assert_int_eq(store_audit_insert(s, &f), 0);
	assert_int_eq(store_tx_commit(s), 0);
	assert_int_eq(audit_verify(s, &r), APP_ECONFLICT);
	assert_int_eq(r.bad_seq, 5);
	assert_true(strstr(r.problem_en, "expected 4") != NULL);

	/* seq 4 with a correct own hash but the wrong prev_hash */
	f.seq = 4;
	hf.seq = 4;
	hash_chain_record(&hf, f.hash);
	assert_int_eq(store_tx_begin(s, STORE_TX_WRITE), 0);
	assert_int_eq(store_audit_insert(s, &f), 0);
	assert_int_eq(store_tx_commit(s), 0);
	assert_int_eq(audit_verify(s, &r), APP_ECONFLICT);
	assert_int_eq(r.bad_seq, 4);
	assert_true(strstr(r.problem_en, "prev_hash") != NULL);
	store_close(s);
}

static int fixture(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_audit --fixture URL N | --loop URL\n");
		return 2;
	}
	struct store *s = open_migrated(argv[2]);
	if (!s)
		return 1;
	int loop = !strcmp(argv[1], "--loop");
	long n = loop ? -1 : (argc > 3 ? strtol(argv[3], NULL, 10) : 10);
	for (long i = 0; loop || i < n; i++) {
		int rc = audited_write(s, i);
		/* another writer holding the lock past the busy timeout is not
		 * a failure of the chain: try again */
		if (rc == APP_EBUSY)
			continue;
		if (rc) {
			fprintf(stderr, "audited write %ld: %s\n", i, store_last_error(s));
			store_close(s);
			return 1;
		}
	}
	store_close(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return fixture(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(empty_chain_verifies, setup, teardown),
		cmocka_unit_test_setup_teardown(append_needs_write_tx_and_valid_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(appends_chain_and_verify, setup, teardown),
		cmocka_unit_test_setup_teardown(forged_records_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(gap_and_broken_link_are_named, setup, teardown),
	};
	return RUN_TESTS("audit", tests);
}
