/* wasdal alur daftar | ekspor DIR [--versi N] | terbit TAHAPAN.csv TRANSISI.csv
 * [--catatan TEKS]: the neutrality workflow definition as data. Every
 * published version is kept; the highest is active (app/kasus_data.c). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/kasus_alur.h"
#include "core/embedded.h"
#include "core/err.h"
#include <time.h>
#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_kasus_alur.h"

#define ALUR_FILE_MAX (1024 * 1024)

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = xmalloc(ALUR_FILE_MAX + 1);
	size_t n = fread(buf, 1, ALUR_FILE_MAX + 1, f);
	int bad = ferror(f) || n > ALUR_FILE_MAX;
	fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

static int write_file(const char *dir, const char *name, const char *text)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return APP_EIO;
	size_t n = strlen(text);
	int bad = fwrite(text, 1, n, f) != n;
	bad |= fclose(f) != 0;
	return bad ? APP_EIO : 0;
}

static int print_version(void *ctx, const struct workflow_versi *v)
{
	(void)ctx;
	time_t t = (time_t)(v->created_ms / 1000);
	struct tm tm;
	char ts[32];
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%d %H:%M", &tm);
	printf("%d\t%s UTC\t%s\t%s\n", v->versi, ts, v->pembuat, v->catatan);
	return 0;
}

static int export(struct store *s, const char *dir, int versi)
{
	struct workflow_versi v;
	int rc = store_workflow_versi_get(s, versi, &v);
	if (rc == APP_ENOTFOUND && versi <= 1) {
		/* Nothing published yet: the seed compiled in is version 1. */
		const struct embedded_file *a = embedded_find("data/netralitas/tahapan.csv");
		const struct embedded_file *b = embedded_find("data/netralitas/transisi.csv");
		if (!a || !b)
			return APP_EINTERNAL;
		v.tahapan_csv = xstrndup(a->data, a->len);
		v.transisi_csv = xstrndup(b->data, b->len);
		rc = 0;
	}
	if (rc)
		return rc;
	rc = write_file(dir, "tahapan.csv", v.tahapan_csv);
	if (!rc)
		rc = write_file(dir, "transisi.csv", v.transisi_csv);
	store_workflow_versi_release(&v);
	return rc;
}

int cmd_alur(int argc, char **argv)
{
	const char *db = NULL, *actor_name = NULL, *catatan = NULL;
	const char *pos[3] = { NULL, NULL, NULL };
	int npos = 0, versi = 0;
	int rc = cmd_take_db_option(&argc, argv, &db);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc < 2)
		return cmd_usage("alur");
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--catatan") && i + 1 < argc)
			catatan = argv[++i];
		else if (!strcmp(argv[i], "--versi") && i + 1 < argc) {
			char *end;
			long v = strtol(argv[++i], &end, 10);
			if (*end || v < 1 || v > 1000000)
				return cmd_usage("alur");
			versi = (int)v;
		} else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("alur");
		} else if (npos < 3)
			pos[npos++] = argv[i];
		else
			return cmd_usage("alur");
	}
	const char *sub = argv[1];
	if ((!strcmp(sub, "daftar") && npos) || (!strcmp(sub, "ekspor") && npos != 1) ||
	    (!strcmp(sub, "terbit") && npos != 2) ||
	    (strcmp(sub, "daftar") && strcmp(sub, "ekspor") && strcmp(sub, "terbit")))
		return cmd_usage("alur");
	char *tahapan = NULL, *transisi = NULL;
	if (!strcmp(sub, "terbit")) {
		tahapan = read_all(pos[0]);
		transisi = read_all(pos[1]);
		if (!tahapan || !transisi) {
			cmd_error(M_CMD_ALUR_READ, !tahapan ? pos[0] : pos[1]);
			free(tahapan);
			free(transisi);
			return EXIT_USAGE;
		}
	}
	struct store *s;
	if ((rc = cmd_open_store(db, CMD_SCHEMA_CURRENT, &s))) {
		free(tahapan);
		free(transisi);
		return rc;
	}
	int exit = EXIT_OK;
	if (!strcmp(sub, "daftar")) {
		struct workflow wf;
		rc = kasus_workflow_active(s, &wf);
		if (!rc) {
			printf("# aktif: versi %d (%zu tahapan, %zu transisi)\n", wf.version, wf.nstages,
			       wf.ntransitions);
			workflow_release(&wf);
			rc = store_workflow_versi_list(s, print_version, NULL);
		}
	} else if (!strcmp(sub, "ekspor")) {
		rc = export(s, pos[0], versi);
		if (rc == APP_ENOTFOUND) {
			cmd_error(M_CMD_ALUR_NO_VERSION, versi);
			exit = EXIT_CHECK_FAILED;
			rc = 0;
		}
	} else {
		struct principal actor;
		char problem[240];
		int v = 0;
		rc = cmd_actor(s, actor_name, &actor);
		if (!rc)
			rc = kasus_workflow_publish(s, &actor, tahapan, transisi, catatan, &v, problem,
						    sizeof(problem));
		if (rc == APP_EINVAL) {
			cmd_error(M_CMD_ALUR_INVALID, problem);
			exit = EXIT_CHECK_FAILED;
			rc = 0;
		} else if (rc == APP_EPERM) {
			cmd_error(M_CMD_ALUR_PERM);
			exit = EXIT_CHECK_FAILED;
			rc = 0;
		} else if (!rc) {
			printf("versi %d\n", v);
		}
	}
	store_close(s);
	free(tahapan);
	free(transisi);
	if (rc) {
		cmd_app_error(rc);
		return EXIT_INTERNAL;
	}
	return exit;
}
