/* wasdal bukti periksa [--files DIR] [--db URL] [--hapus-yatim N]: checks
 * every stored evidence file of citizen reports against its name (its
 * SHA-256), so a changed, truncated or foreign file in the files directory
 * shows before the evidence is used; then lists the orphans, files that no
 * evidence row of the database references (left by a crash between writing
 * a file and committing its row, or by restoring an older database), and
 * with --hapus-yatim N deletes them, but only when exactly N are found: N
 * is the count a previous run printed, so a wrong --db (where every file
 * looks orphaned) deletes nothing. Files touched in the last hour are never
 * orphans (a writer may be about to commit their row). Exit 0 all good (or
 * the orphans deleted), 1 a problem or an orphan found, 2 bad usage or a
 * confirmation count that does not match. The directory is --files, else
 * WASDAL_FILES_DIR, else the default next to the database (as 'wasdal
 * serve' picks it). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_store.h"
#include "app/bukti.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_kasus.h"

static void report(void *ctx, const char *name, const char *why)
{
	(void)ctx;
	printf("%s %s\n", why, name);
}

/* The referenced hashes, sorted, for bsearch. */
struct shas {
	char (*v)[65];
	size_t n, cap;
};

static int add_sha(void *ctx, const char *sha)
{
	struct shas *h = ctx;
	if (strlen(sha) != 64)
		return 0;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	memcpy(h->v[h->n++], sha, 65);
	return 0;
}

static int cmp_sha(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int referenced(void *ctx, const char *name)
{
	struct shas *h = ctx;
	return h->n && bsearch(name, h->v, h->n, sizeof(*h->v), cmp_sha) != NULL;
}

static void orphan(void *ctx, const char *name)
{
	(void)ctx;
	printf("yatim %s\n", name);
}

static void quiet(void *ctx, const char *name)
{
	(void)ctx;
	(void)name;
}

int cmd_bukti(int argc, char **argv)
{
	const char *files = getenv("WASDAL_FILES_DIR"), *db = NULL;
	int64_t confirm = -1;
	if (argc < 2 || strcmp(argv[1], "periksa"))
		return cmd_usage("bukti");
	for (int i = 2; i < argc; i++) {
		if ((!strcmp(argv[i], "--files") || !strcmp(argv[i], "--db")) && i + 1 < argc) {
			if (!strcmp(argv[i], "--files"))
				files = argv[++i];
			else
				db = argv[++i];
		} else if (!strcmp(argv[i], "--hapus-yatim") && i + 1 < argc) {
			char *end;
			const char *v = argv[++i];
			long long n = strtoll(v, &end, 10);
			if (!*v || *end || n < 0)
				return cmd_usage("bukti");
			confirm = n;
		} else {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("bukti");
		}
	}
	char dflt[4096];
	if (!files || !*files) {
		bukti_default_dir(cmd_db_url(db), dflt, sizeof(dflt));
		files = dflt;
	}
	bukti_set_dir(files);
	int64_t ok = 0, bad = 0;
	int rc = bukti_verify_dir(report, NULL, &ok, &bad);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_BUKTI_DIR_NONE, files);
		return EXIT_OK;
	}
	if (rc) {
		cmd_error(M_BUKTI_DIR_UNREADABLE, files);
		return EXIT_INTERNAL;
	}
	printf(msgc(bad ? M_BUKTI_CHECK_BAD : M_BUKTI_CHECK_OK), (long long)ok, (long long)bad);
	putchar('\n');

	/* orphans: against the rows of the database this directory belongs to */
	struct store *s;
	if ((rc = cmd_open_store(cmd_db_url(db), CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct shas h = { 0 };
	rc = store_kasus_bukti_sha_list(s, add_sha, &h);
	if (rc) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		store_close(s);
		free(h.v);
		return EXIT_INTERNAL;
	}
	store_close(s);
	if (h.n) /* qsort(NULL, 0, ...) is undefined: a database with no evidence */
		qsort(h.v, h.n, sizeof(*h.v), cmp_sha);
	int64_t n_orphan = 0;
	rc = bukti_orphans(referenced, orphan, &h, 0, &n_orphan);
	if (!rc && confirm >= 0) {
		if (confirm != n_orphan) {
			free(h.v);
			cmd_error(M_BUKTI_YATIM_CONFIRM, (long long)confirm, (long long)n_orphan);
			return EXIT_USAGE;
		}
		int64_t removed = 0;
		rc = bukti_orphans(referenced, quiet, &h, 1, &removed);
		if (!rc) {
			printf(msgc(M_BUKTI_YATIM_DIHAPUS), (long long)removed);
			putchar('\n');
			n_orphan -= removed;
		}
	} else if (!rc) {
		printf(msgc(M_BUKTI_YATIM), (long long)n_orphan);
		putchar('\n');
	}
	free(h.v);
	if (rc) {
		cmd_error(M_BUKTI_DIR_UNREADABLE, files);
		return EXIT_INTERNAL;
	}
	return bad || n_orphan > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}
