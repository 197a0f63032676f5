/* wasdal cpns publish DIR: put a ranked SKD round into the database for
 * applicants to look up at /cpns/hasil.
 *
 * Checks, in order, before anything is written:
 *  1. cpns_verify_dir(DIR): every file listed in DIR/summary.txt must
 *     match its SHA-256 (results.csv and errors.csv in DIR). formations and
 *     applicants are checked at the paths summary.txt records unless
 *     --formasi / --peserta name them elsewhere (another machine): then
 *     the given file must have the recorded SHA-256.
 *  2. The three files are mapped and hashed again (what is imported is
 *     what was checked, even if a file changed meanwhile).
 *  3. formations and applicants are ranked again with --rules (default
 *     2024) and results.csv must agree row for row (cpns_check_skd, as
 *     `final` does): results.csv has no NIK and no quota, the applicants
 *     and formations files supply them, so they must belong together.
 * Then cpns_publish() writes everything in one transaction with one audit
 * record. Exit codes: 0 published, 1 a check failed (nothing written),
 * 2 usage / unreadable input, 3 database failure. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_cpns_publish.h"
#include "cmd/cmd_store.h"
#include "app/cpns_data.h"
#include "app/cpns_final_read.h"
#include "app/cpns_io.h"
#include "app/cpns_publish.h"
#include "app/cpns_rank.h"
#include "app/cpns_rules.h"
#include "app/cpns_valid.h"
#include "app/cpns_verify.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"
#include <unistd.h>

struct progress {
	int on, last;
};

static void progress_cb(void *ctx, size_t done, size_t total)
{
	struct progress *pg = ctx;
	if (!pg->on || !total)
		return;
	int pct = (int)(done * 100 / total);
	if (pct == pg->last)
		return;
	pg->last = pct;
	char bar[41];
	int fill = pct * 40 / 100;
	memset(bar, '#', (size_t)fill);
	memset(bar + fill, ' ', (size_t)(40 - fill));
	bar[40] = '\0';
	fprintf(stderr, "\r%s [%s] %3d%%", msgc(M_CPNS_PUB_PROGRESS), bar, pct);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

static const struct cpns_verify_item *find_item(const struct cpns_verify *v, const char *name)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->item[i].name, name))
			return &v->item[i];
	return NULL;
}

/* Map path and check that its content has the SHA-256 expect. 0, or an
 * exit code after saying why. */
static int map_checked(const char *path, const char *expect, struct cpns_map *m)
{
	if (cpns_map_open(path, m))
		return EXIT_USAGE;
	uint8_t d[SHA256_BYTES];
	char hex[SHA256_HEX];
	sha256_buf(m->data, m->len, d);
	sha256_hex(d, hex);
	if (memcmp(hex, expect, 64)) {
		cmd_error(M_CPNS_PUB_MISMATCH, path, hex);
		cpns_map_close(m);
		m->base = NULL;
		m->data = "";
		return EXIT_CHECK_FAILED;
	}
	return 0;
}

/* Step 1: the summary. Fills the paths to import and the expected hashes. */
static int check_summary(const char *dir, const char *formasi_opt, const char *peserta_opt,
			 struct cpns_verify *v, const struct cpns_verify_item **it)
{
	int rc = cpns_verify_dir(dir, v);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_CPNS_VERIFY_NO_SUMMARY, dir);
		return EXIT_USAGE;
	}
	if (rc == APP_EINVAL) {
		cmd_error(M_CPNS_VERIFY_BAD_SUMMARY, dir);
		return EXIT_CHECK_FAILED;
	}
	static const char *const names[3] = { "formasi", "peserta", "results" };
	for (int k = 0; k < 3; k++) {
		it[k] = find_item(v, names[k]);
		if (!it[k]) {
			cmd_error(M_CPNS_PUB_MISSING, names[k]);
			return EXIT_CHECK_FAILED;
		}
	}
	int bad = 0;
	for (int i = 0; i < v->n; i++) {
		const struct cpns_verify_item *x = &v->item[i];
		/* a file named on the command line is checked when mapped */
		if ((x == it[0] && formasi_opt) || (x == it[1] && peserta_opt))
			continue;
		if (x->state == CPNS_V_MISMATCH) {
			cmd_error(M_CPNS_PUB_MISMATCH, x->path, x->got);
			bad = 1;
		} else if (x->state == CPNS_V_UNREADABLE) {
			cmd_error(M_CPNS_PUB_UNREADABLE, x->path, strerror(x->err));
			bad = 1;
		}
	}
	return bad ? EXIT_CHECK_FAILED : 0;
}

int cmd_cpns_publish(int argc, char **argv)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	const char *dir = NULL, *label = "", *formasi = NULL, *peserta = NULL, *rules_spec = "2024";
	int quiet = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **dst = !strcmp(a, "--label") ? &label : !strcmp(a, "--formasi") ? &formasi :
				   !strcmp(a, "--peserta") ? &peserta : !strcmp(a, "--rules") ? &rules_spec :
				   NULL;
		if (dst) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, a);
				return cmd_usage("cpns");
			}
			*dst = argv[++i];
		} else if (!strcmp(a, "--quiet")) {
			quiet = 1;
		} else if (a[0] != '-' && !dir) {
			dir = a;
		} else {
			cmd_error(M_UNKNOWN_OPTION, a);
			return cmd_usage("cpns");
		}
	}
	if (!dir) {
		cmd_error(M_CPNS_PUB_NEED_DIR);
		return cmd_usage("cpns");
	}
	if (strlen(label) > 127) {
		cmd_error(M_CPNS_PUB_LABEL);
		return EXIT_USAGE;
	}
	struct cpns_rules rules;
	if (cpns_rules_load(rules_spec, &rules))
		return EXIT_USAGE;

	struct cpns_verify v;
	const struct cpns_verify_item *it[3] = { NULL };
	struct cpns_map m[3];
	memset(m, 0, sizeof(m));
	for (int k = 0; k < 3; k++)
		m[k].data = "";
	struct cpns_formasi fs;
	struct cpns_peserta ps;
	struct cpns_errors e = { 0 };
	memset(&fs, 0, sizeof(fs));
	memset(&ps, 0, sizeof(ps));
	struct store *s = NULL;

	rc = check_summary(dir, formasi, peserta, &v, it);
	if (rc)
		goto done;
	const char *paths[3] = { formasi ? formasi : it[0]->path, peserta ? peserta : it[1]->path,
				 it[2]->path };
	for (int k = 0; k < 3 && !rc; k++)
		rc = map_checked(paths[k], it[k]->expect, &m[k]);
	if (rc)
		goto done;

	/* Step 3: re-rank and compare with results.csv. */
	rc = EXIT_USAGE;
	if (cpns_read_formasi(m[0].data, m[0].len, &rules, &fs, &e) == CPNS_BAD_HEADER || e.n) {
		cmd_error(M_CPNS_FORMASI_INVALID, paths[0], e.n);
		goto done;
	}
	if (cpns_read_peserta(m[1].data, m[1].len, &rules, &fs, &ps, &e, NULL, NULL) ==
	    CPNS_BAD_HEADER) {
		cmd_error(M_CPNS_PUB_RESULTS_DIFFER, paths[1], (size_t)1);
		rc = EXIT_CHECK_FAILED;
		goto done;
	}
	cpns_errors_free(&e);
	cpns_rank(&rules, &fs, &ps);
	long diff = cpns_check_skd(m[2].data, m[2].len, &fs, &ps, &e);
	if (diff) {
		cmd_error(M_CPNS_PUB_RESULTS_DIFFER, paths[2], (size_t)(diff < 0 ? 1 : diff));
		rc = EXIT_CHECK_FAILED;
		goto done;
	}

	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s)))
		goto done;
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor)))
		goto done;
	if (!cpns_publish_allowed(&actor)) {
		cmd_error(M_CPNS_PUB_NOT_ALLOWED);
		rc = EXIT_USAGE;
		goto done;
	}
	struct progress pg = { isatty(2) && !quiet, -1 };
	struct cpns_publish_in in = {
		.label = label, .sha_formasi = it[0]->expect, .sha_peserta = it[1]->expect,
		.sha_results = it[2]->expect, .f = &fs, .p = &ps,
		.progress = progress_cb, .progress_ctx = &pg,
	};
	struct cpns_publish_out out;
	int r = cpns_publish(s, &actor, &in, &out);
	if (r) {
		cmd_error(M_CPNS_PUB_FAILED, r == APP_EPERM ? msgc(M_CPNS_PUB_NOT_ALLOWED) :
			  *store_last_error(s) ? store_last_error(s) : app_err_name(r));
		rc = EXIT_INTERNAL;
		goto done;
	}
	if (!quiet)
		cmd_error(M_CPNS_PUB_DONE, (long long)out.id, (long long)out.rows,
			  (long long)out.formations, it[2]->expect);
	rc = EXIT_OK;
done:
	store_close(s);
	cpns_errors_free(&e);
	cpns_formasi_free(&fs);
	cpns_peserta_free(&ps);
	for (int k = 0; k < 3; k++)
		cpns_map_close(&m[k]);
	cpns_verify_free(&v);
	return rc;
}
