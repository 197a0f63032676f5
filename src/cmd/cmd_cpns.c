/* wasdal cpns rank | final | verify: the I/O policy around the CPNS
 * engines in app/ (which files, which exit code, what goes to stderr). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_cpns_publish.h"
#include "app/cpns_data.h"
#include "app/cpns_final.h"
#include "app/cpns_final_read.h"
#include "app/cpns_final_write.h"
#include "app/cpns_io.h"
#include "app/cpns_rank.h"
#include "app/cpns_rules.h"
#include "app/cpns_valid.h"
#include "app/cpns_verify.h"
#include "app/cpns_write.h"
#include "core/err.h"
#include "core/xalloc.h"
#include <limits.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct opt {
	const char *name;
	const char **value;  /* NULL: a flag, see flag */
	int *flag;
};

/* --name VALUE and --flag options; everything else is an error. Positional
 * arguments go to pos (at most npos). Returns 0 or EXIT_USAGE. */
static int parse_opts(int argc, char **argv, const struct opt *o, size_t no,
		      const char **pos, int npos)
{
	int np = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] != '-') {
			if (np >= npos) {
				cmd_error(M_UNKNOWN_OPTION, a);
				return EXIT_USAGE;
			}
			pos[np++] = a;
			continue;
		}
		size_t k;
		for (k = 0; k < no; k++)
			if (!strcmp(a + 2, o[k].name))
				break;
		if (k == no) {
			cmd_error(M_UNKNOWN_OPTION, a);
			return EXIT_USAGE;
		}
		if (!o[k].value) {
			*o[k].flag = 1;
			continue;
		}
		if (i + 1 >= argc) {
			cmd_error(M_MISSING_ARG, a);
			return EXIT_USAGE;
		}
		*o[k].value = argv[++i];
	}
	return 0;
}

static int need(const char *v, const char *name)
{
	if (v && *v)
		return 0;
	cmd_error(M_CPNS_NEED_OPTION, name);
	return 1;
}

/* The output directory must exist or be creatable, and be writable. */
static int check_out_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) && errno == ENOENT)
		mkdir(dir, 0755);
	if (stat(dir, &st) || !S_ISDIR(st.st_mode) || access(dir, W_OK | X_OK)) {
		cmd_error(M_CPNS_NOT_DIR, dir, strerror(errno ? errno : ENOTDIR));
		return 1;
	}
	return 0;
}

/* WASDAL_CPNS_TIMING=1 prints the time of each phase (for bench/cpns.sh). */
static void phase(const char *what)
{
	static int on = -1;
	static struct timespec t0;
	if (on < 0) {
		const char *e = getenv("WASDAL_CPNS_TIMING");
		on = e && *e == '1';
		clock_gettime(CLOCK_MONOTONIC, &t0);
	}
	if (!on)
		return;
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	fprintf(stderr, "timing %-10s %8.3f s\n", what,
		(double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9);
}

/* ---- progress bar (stderr, TTY only) ---- */

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
	fprintf(stderr, "\r%s [%s] %3d%%", msgc(M_CPNS_PROGRESS), bar, pct);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* ---- input hashing on a second thread ---- */

struct hash_job {
	const struct cpns_map *m[2];
	char hex[2][SHA256_HEX];
};

/* One thread for both inputs: the machine may have only two cores and the
 * parser needs one of them. */
static void *hash_thread(void *arg)
{
	struct hash_job *j = arg;
	for (int i = 0; i < 2; i++) {
		uint8_t d[SHA256_BYTES];
		sha256_buf(j->m[i]->data, j->m[i]->len, d);
		sha256_hex(d, j->hex[i]);
	}
	return NULL;
}

struct count_job {
	const struct cpns_formasi *f;
	const struct cpns_peserta *p;
	uint32_t *counts;
};

static void *count_thread(void *arg)
{
	struct count_job *j = arg;
	j->counts = cpns_count_status(j->f, j->p);
	return NULL;
}

struct commit_job {
	struct cpns_out *o;
	int rc;
};

static void *commit_thread(void *arg)
{
	struct commit_job *j = arg;
	j->rc = cpns_out_commit(j->o, NULL);
	return NULL;
}

static void print_errors(const char *file, const struct cpns_errors *e, const char *const *cols,
			 unsigned ncols)
{
	size_t show = e->n < 50 ? e->n : 50;
	for (size_t i = 0; i < show; i++) {
		const struct cpns_error *x = &e->v[i];
		fprintf(stderr, "%s: ", file);
		fprintf(stderr, msgc(M_CPNS_ERROR_LINE), x->line,
			x->col < ncols ? cols[x->col] : "-", msgc(x->reason));
		fputc('\n', stderr);
	}
	if (e->n > show)
		fprintf(stderr, "%s: ... (+%zu)\n", file, e->n - show);
}

static char *abs_path(const char *p)
{
	char *r = realpath(p, NULL);
	return r ? r : xstrdup(p);
}

static int report_header(const char *file, const char *const *cols, unsigned n)
{
	char head[256] = "";
	size_t off = 0;
	for (unsigned i = 0; i < n; i++)
		off += (size_t)snprintf(head + off, sizeof(head) - off, "%s%s", i ? "," : "", cols[i]);
	cmd_error(M_CPNS_BAD_HEADER, file, head);
	return EXIT_USAGE;
}

static int cpns_rank_cmd(int argc, char **argv)
{
	const char *formasi = NULL, *peserta = NULL, *out = NULL, *rules_spec = "2024";
	int allow_invalid = 0, quiet = 0;
	const struct opt opts[] = {
		{ "formasi", &formasi, NULL }, { "peserta", &peserta, NULL },
		{ "out", &out, NULL }, { "rules", &rules_spec, NULL },
		{ "allow-invalid", NULL, &allow_invalid }, { "quiet", NULL, &quiet },
	};
	if (parse_opts(argc, argv, opts, ARRAY_SIZE(opts), NULL, 0))
		return cmd_usage("cpns");
	if (need(formasi, "--formasi") | need(peserta, "--peserta") | need(out, "--out"))
		return cmd_usage("cpns");

	phase("start");
	struct cpns_rules rules;
	if (cpns_rules_load(rules_spec, &rules))
		return EXIT_USAGE;
	struct cpns_map fm, pm;
	if (cpns_map_open(formasi, &fm))
		return EXIT_USAGE;
	if (cpns_map_open(peserta, &pm)) {
		cpns_map_close(&fm);
		return EXIT_USAGE;
	}
	if (check_out_dir(out)) {
		cpns_map_close(&fm);
		cpns_map_close(&pm);
		return EXIT_USAGE;
	}

	/* The inputs are hashed while they are parsed: on one core the
	 * hash would cost as much as the whole ranking. */
	struct hash_job hj = { { &fm, &pm }, { "", "" } };
	pthread_t th;
	int threads = 0;
	if (getenv("WASDAL_CPNS_NOTHREAD") || pthread_create(&th, NULL, hash_thread, &hj))
		hash_thread(&hj);
	else
		threads = 1;

	phase("mapped");
	int rc = EXIT_OK;
	struct cpns_formasi fs;
	struct cpns_peserta ps;
	struct cpns_errors ferr = { 0 }, perr = { 0 };
	memset(&ps, 0, sizeof(ps));
	int r = cpns_read_formasi(fm.data, fm.len, &rules, &fs, &ferr);
	if (r == CPNS_BAD_HEADER) {
		rc = report_header(formasi, cpns_formation_cols, FC_COUNT);
		goto done;
	}
	if (ferr.n) {
		print_errors(formasi, &ferr, cpns_formation_cols, FC_COUNT);
		cmd_error(M_CPNS_FORMASI_INVALID, formasi, ferr.n);
		rc = EXIT_USAGE;
		goto done;
	}
	phase("formasi");
	struct progress pg = { isatty(2) && !quiet, -1 };
	r = cpns_read_peserta(pm.data, pm.len, &rules, &fs, &ps, &perr, progress_cb, &pg);
	if (r == CPNS_BAD_HEADER) {
		rc = report_header(peserta, cpns_applicant_cols, PC_COUNT);
		goto done;
	}
	phase("peserta");
	char *errpath = xasprintf("%s/errors.csv", out);
	struct cpns_digest dg[4];
	memset(dg, 0, sizeof(dg));
	if (cpns_write_errors(out, "errors.csv", &perr, cpns_applicant_cols, PC_COUNT, dg[3].hex)) {
		rc = EXIT_INTERNAL;
		free(errpath);
		goto done;
	}
	unsigned nbad = 0;
	for (uint32_t i = 0; i < ps.n; i++)
		nbad += ps.v[i].status == CPNS_INVALID;
	if (nbad && !allow_invalid) {
		/* No stale result from an earlier run may sit next to the
		 * errors of this one. */
		char *p1 = xasprintf("%s/results.csv", out), *p2 = xasprintf("%s/summary.txt", out);
		unlink(p1);
		unlink(p2);
		free(p1);
		free(p2);
		cmd_error(M_CPNS_INVALID_ROWS, nbad, errpath);
		free(errpath);
		rc = EXIT_USAGE;
		goto done;
	}
	cpns_rank(&rules, &fs, &ps);
	phase("rank");
	/* The summary counts only read the ranked rows: count on a second
	 * thread while results.csv is written. */
	struct count_job cj = { &fs, &ps, NULL };
	pthread_t cth;
	int counting = pthread_create(&cth, NULL, count_thread, &cj) == 0;
	if (!counting)
		count_thread(&cj);
	struct cpns_out ro;
	int wr = cpns_write_results_begin(out, &fs, &ps, &ro, dg[2].hex);
	if (counting)
		pthread_join(cth, NULL);
	if (wr) {
		free(cj.counts);
		rc = EXIT_INTERNAL;
		free(errpath);
		goto done;
	}
	/* fsync + rename of results.csv (about 0.1 s for 100 MB) overlap
	 * the summary; the summary is renamed first but removed again if
	 * results.csv cannot be committed. */
	struct commit_job cmj = { &ro, 0 };
	pthread_t sth;
	int syncing = pthread_create(&sth, NULL, commit_thread, &cmj) == 0;
	if (!syncing)
		commit_thread(&cmj);
	phase("results");
	if (threads)
		pthread_join(th, NULL);
	threads = 0;
	phase("hash-join");
	char *fabs = abs_path(formasi), *pabs = abs_path(peserta);
	dg[0].name = "formasi"; dg[0].path = fabs; memcpy(dg[0].hex, hj.hex[0], SHA256_HEX);
	dg[1].name = "peserta"; dg[1].path = pabs; memcpy(dg[1].hex, hj.hex[1], SHA256_HEX);
	dg[2].name = "results"; dg[2].path = "results.csv";
	dg[3].name = "errors"; dg[3].path = "errors.csv";
	if (cpns_write_summary(out, &rules, &fs, &ps, cj.counts, dg, 4))
		rc = EXIT_INTERNAL;
	free(cj.counts);
	if (syncing)
		pthread_join(sth, NULL);
	if (cmj.rc) {
		char *sp = xasprintf("%s/summary.txt", out);
		unlink(sp);
		free(sp);
		rc = EXIT_INTERNAL;
	}
	free(fabs);
	free(pabs);
	phase("summary");
	if (!rc && !quiet) {
		if (nbad)
			cmd_error(M_CPNS_INVALID_SKIPPED, nbad, errpath);
		cmd_error(M_CPNS_DONE, ps.n - nbad, out);
	}
	free(errpath);
done:
	if (threads)
		pthread_join(th, NULL);
	cpns_errors_free(&ferr);
	cpns_errors_free(&perr);
	cpns_formasi_free(&fs);
	cpns_peserta_free(&ps);
	cpns_map_close(&fm);
	cpns_map_close(&pm);
	return rc;
}

static void file_digest(struct cpns_digest *d, const char *name, const struct cpns_map *m, char *path)
{
	uint8_t dig[SHA256_BYTES];
	sha256_buf(m->data, m->len, dig);
	sha256_hex(dig, d->hex);
	d->name = name;
	d->path = path;
}

static int cpns_final_cmd(int argc, char **argv)
{
	const char *skd = NULL, *skb = NULL, *formasi = NULL, *peserta = NULL, *out = NULL;
	const char *bobot = NULL, *rules_spec = "2024";
	int quiet = 0;
	const struct opt opts[] = {
		{ "skd", &skd, NULL }, { "skb", &skb, NULL }, { "formasi", &formasi, NULL },
		{ "peserta", &peserta, NULL }, { "out", &out, NULL }, { "bobot", &bobot, NULL },
		{ "rules", &rules_spec, NULL }, { "quiet", NULL, &quiet },
	};
	if (parse_opts(argc, argv, opts, ARRAY_SIZE(opts), NULL, 0))
		return cmd_usage("cpns");
	if (need(skd, "--skd") | need(skb, "--skb") | need(formasi, "--formasi") |
	    need(peserta, "--peserta") | need(out, "--out"))
		return cmd_usage("cpns");
	struct cpns_rules rules;
	if (cpns_rules_load(rules_spec, &rules))
		return EXIT_USAGE;
	/* inputs: formasi, peserta, skd, skb, bobot */
	const char *paths[5] = { formasi, peserta, skd, skb, bobot };
	struct cpns_map m[5];
	memset(m, 0, sizeof(m));
	int nm = 0, rc = EXIT_USAGE;
	for (; nm < 5; nm++) {
		if (!paths[nm]) {
			m[nm].data = "";
			continue;
		}
		if (cpns_map_open(paths[nm], &m[nm]))
			break;
	}
	struct cpns_formasi fs;
	struct cpns_peserta ps;
	struct cpns_errors e = { 0 };
	struct cpns_final fin;
	struct cpns_weights *w = NULL;
	memset(&fs, 0, sizeof(fs));
	memset(&ps, 0, sizeof(ps));
	memset(&fin, 0, sizeof(fin));
	if (nm < 5 || check_out_dir(out))
		goto done;
	if (cpns_read_formasi(m[0].data, m[0].len, &rules, &fs, &e) == CPNS_BAD_HEADER) {
		report_header(formasi, cpns_formation_cols, FC_COUNT);
		goto done;
	}
	if (e.n) {
		print_errors(formasi, &e, cpns_formation_cols, FC_COUNT);
		cmd_error(M_CPNS_FORMASI_INVALID, formasi, e.n);
		goto done;
	}
	/* Invalid applicant rows are not in results.csv either: the check
	 * against --skd below catches any disagreement. */
	if (cpns_read_peserta(m[1].data, m[1].len, &rules, &fs, &ps, &e, NULL, NULL) == CPNS_BAD_HEADER) {
		report_header(peserta, cpns_applicant_cols, PC_COUNT);
		goto done;
	}
	cpns_errors_free(&e);
	cpns_rank(&rules, &fs, &ps);
	long diff = cpns_check_skd(m[2].data, m[2].len, &fs, &ps, &e);
	if (diff == CPNS_BAD_HEADER) {
		static const char *const rcols[] = { "applicant_id", "formation_id", "total", "rank", "status" };
		report_header(skd, rcols, 5);
		goto done;
	}
	if (diff) {
		print_errors(skd, &e, NULL, 0);
		cmd_error(M_CPNS_SKD_MISMATCH, skd, formasi, peserta, (size_t)diff);
		goto done;
	}
	w = xmalloc(st_mult(fs.n ? fs.n : 1, sizeof(*w)));
	for (uint32_t i = 0; i < fs.n; i++)
		w[i] = (struct cpns_weights){ rules.def_weights[0], rules.def_weights[1], rules.def_weights[2] };
	if (bobot) {
		if (cpns_read_weights(m[4].data, m[4].len, &rules, &fs, w, &e) == CPNS_BAD_HEADER) {
			report_header(bobot, cpns_weight_cols, WC_COUNT);
			goto done;
		}
		if (e.n) {
			print_errors(bobot, &e, cpns_weight_cols, WC_COUNT);
			cmd_error(M_CPNS_SKB_INVALID, e.n, bobot, bobot);
			goto done;
		}
	}
	if (cpns_read_skb(m[3].data, m[3].len, &rules, &ps, w, &fin, &e) == CPNS_BAD_HEADER) {
		report_header(skb, cpns_skb_cols, SC_COUNT);
		goto done;
	}
	struct cpns_digest dg[6];
	memset(dg, 0, sizeof(dg));
	if (e.n) {
		char *ep = xasprintf("%s/final-errors.csv", out);
		if (cpns_write_errors(out, "final-errors.csv", &e, cpns_skb_cols, SC_COUNT, dg[0].hex) == 0)
			cmd_error(M_CPNS_SKB_INVALID, e.n, skb, ep);
		free(ep);
		goto done;
	}
	cpns_final_run(&rules, &fs, &ps, &fin);
	if (cpns_write_final(out, &rules, &fs, &ps, &fin, dg[5].hex)) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	static const char *const names[5] = { "formasi", "peserta", "skd", "skb", "bobot" };
	char *abs[5] = { NULL };
	int nd = 0;
	for (int i = 0; i < 5; i++)
		if (paths[i]) {
			abs[i] = abs_path(paths[i]);
			file_digest(&dg[nd++], names[i], &m[i], abs[i]);
		}
	memmove(dg[nd].hex, dg[5].hex, SHA256_HEX);
	dg[nd].name = "final";
	dg[nd].path = "final.csv";
	nd++;
	rc = cpns_write_final_summary(out, &rules, &fin, dg, nd) ? EXIT_INTERNAL : EXIT_OK;
	for (int i = 0; i < 5; i++)
		free(abs[i]);
	if (rc == EXIT_OK && !quiet)
		cmd_error(M_CPNS_FINAL_DONE, fin.n, fin.winners, fin.opt_same + fin.opt_other, fin.open_after, out);
done:
	free(w);
	cpns_final_free(&fin);
	cpns_errors_free(&e);
	cpns_formasi_free(&fs);
	cpns_peserta_free(&ps);
	for (int i = 0; i < 5; i++)
		cpns_map_close(&m[i]);
	return rc;
}

static int cpns_verify_cmd(int argc, char **argv)
{
	const char *dir = NULL;
	if (parse_opts(argc, argv, NULL, 0, &dir, 1))
		return cmd_usage("cpns");
	if (!dir)
		return cmd_usage("cpns");
	struct cpns_verify v;
	int rc = cpns_verify_dir(dir, &v);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_CPNS_VERIFY_NO_SUMMARY, dir);
		return EXIT_USAGE;
	}
	if (rc == APP_EINVAL) {
		cmd_error(M_CPNS_VERIFY_BAD_SUMMARY, dir);
		cpns_verify_free(&v);
		return EXIT_CHECK_FAILED;
	}
	for (int i = 0; i < v.n; i++) {
		const struct cpns_verify_item *it = &v.item[i];
		enum msg_id m = it->state == CPNS_V_OK ? M_CPNS_VERIFY_OK :
				it->state == CPNS_V_MISMATCH ? M_CPNS_VERIFY_MISMATCH : M_CPNS_VERIFY_UNREADABLE;
		printf("%-8s %s  %s", it->name, msgc(m), it->path);
		if (it->state == CPNS_V_UNREADABLE)
			printf(" (%s)", strerror(it->err));
		printf("\n");
	}
	printf("%s\n", msgc(rc ? M_CPNS_VERIFY_FAILED : M_CPNS_VERIFY_ALL_OK));
	cpns_verify_free(&v);
	return rc ? EXIT_CHECK_FAILED : EXIT_OK;
}

int cmd_cpns(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("cpns");
	const char *sub = argv[1];
	if (!strcmp(sub, "rank"))
		return cpns_rank_cmd(argc - 1, argv + 1);
	if (!strcmp(sub, "verify"))
		return cpns_verify_cmd(argc - 1, argv + 1);
	if (!strcmp(sub, "final"))
		return cpns_final_cmd(argc - 1, argv + 1);
	if (!strcmp(sub, "publish"))
		return cmd_cpns_publish(argc - 1, argv + 1);
	cmd_error(M_CPNS_UNKNOWN_SUB, sub);
	return cmd_usage("cpns");
}
