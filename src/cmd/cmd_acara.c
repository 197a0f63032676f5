/* wasdal acara: list events, import attendance from a CSV of NIPs (all or
 * nothing, or --partial, with a per-row error report like 'wasdal import'),
 * and the sosialisasi coverage of an instansi in a period. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_csv_import.h"
#include "cmd/cmd_store.h"
#include "app/acara.h"
#include "core/date.h"
#include "core/err.h"
#include "store/store.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static int hadir_impor(struct store *s, const struct principal *actor, int argc, char **argv)
{
	struct cmd_csv_import ci;
	const char *pos[2];
	int rc = cmd_csv_import_args(&ci, argc, argv, 2, pos, 2, "acara");
	if (rc)
		return rc;
	const char *id_s = pos[0];
	ci.file = pos[1];
	char *end = NULL;
	long long id = id_s ? strtoll(id_s, &end, 10) : 0;
	if (!id_s || !ci.file || !end || *end || id <= 0)
		return cmd_usage("acara");
	if ((rc = cmd_csv_import_open(&ci)))
		return rc;
	struct acara_hadir_stats st;
	rc = acara_hadir_import_csv(s, actor, id, ci.in, &ci.opts, &st);
	cmd_csv_import_close(&ci);
	if (rc == APP_EPERM || rc == APP_ENOTFOUND) {
		cmd_app_error(rc);
		return EXIT_CHECK_FAILED;
	}
	if (rc && rc != APP_EINVAL) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		return EXIT_INTERNAL;
	}
	printf(msgc(M_ACARA_HADIR_SUMMARY), (long long)st.rows, (long long)st.ok, (long long)st.bad,
	       (long long)st.baru, (long long)st.sudah);
	putchar('\n');
	cmd_csv_import_report(&ci, st.committed);
	return rc || ci.errors ? EXIT_CHECK_FAILED : EXIT_OK;
}

static int print_acara(void *ctx, const struct acara *a)
{
	(void)ctx;
	char m[24], e[24];
	acara_format_time(a->mulai_ms, m, sizeof(m));
	acara_format_time(a->selesai_ms, e, sizeof(e));
	printf("%lld\t%s\t%s\t%s\t%s\t%lld\t%s\n", (long long)a->id, a->kode, a->jenis, m, e,
	       (long long)a->hadir, a->topik);
	return 0;
}

static int cakupan(struct store *s, const struct principal *actor, int argc, char **argv)
{
	const char *kode = NULL, *dari = NULL, *sampai = NULL, *csv = NULL, *xlsx = NULL;
	for (int i = 2; i < argc; i++) {
		const char **slot = NULL;
		if (!strcmp(argv[i], "--dari"))
			slot = &dari;
		else if (!strcmp(argv[i], "--sampai"))
			slot = &sampai;
		else if (!strcmp(argv[i], "--csv"))
			slot = &csv;
		else if (!strcmp(argv[i], "--xlsx"))
			slot = &xlsx;
		else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return EXIT_USAGE;
		} else if (!kode)
			kode = argv[i];
		else
			return cmd_usage("acara");
		if (slot) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, argv[i]);
				return EXIT_USAGE;
			}
			*slot = argv[++i];
		}
	}
	int32_t d1, d2;
	if (!kode || !dari || !sampai)
		return cmd_usage("acara");
	if (date_parse_iso(dari, strlen(dari), &d1) || date_parse_iso(sampai, strlen(sampai), &d2)) {
		cmd_error(M_ACARA_DATE_BAD);
		return EXIT_USAGE;
	}
	if (d2 < d1) {
		cmd_error(M_ACARA_DATE_ORDER);
		return EXIT_USAGE;
	}
	struct acara_cakupan c;
	int rc = acara_cakupan(s, actor, kode, d1, d2, &c);
	if (rc) {
		cmd_app_error(rc);
		return rc == APP_EPERM || rc == APP_ENOTFOUND ? EXIT_CHECK_FAILED : EXIT_INTERNAL;
	}
	if (xlsx) {
		rc = acara_cakupan_export_xlsx(s, actor, &c, xlsx);
	} else if (csv && strcmp(csv, "-")) {
		FILE *f = fopen(csv, "w");
		if (!f) {
			cmd_error(M_CANNOT_WRITE, csv, strerror(errno));
			acara_cakupan_release(&c);
			return EXIT_USAGE;
		}
		rc = acara_cakupan_export_csv(s, actor, &c, f);
		if (fclose(f) && !rc)
			rc = APP_EIO;
	} else if (csv) {
		rc = acara_cakupan_export_csv(s, actor, &c, stdout);
	} else {
		for (size_t i = 0; i < c.n; i++) {
			int pm = acara_permil(c.unit[i].terjangkau, c.unit[i].pegawai);
			printf("%s\t%s\t%lld\t%lld\t%d.%d\n", c.unit[i].kode,
			       c.unit[i].unit_id ? c.unit[i].nama : msgc(M_ACARA_TANPA_UNIT),
			       (long long)c.unit[i].pegawai, (long long)c.unit[i].terjangkau, pm / 10, pm % 10);
		}
		int pm = acara_permil(c.terjangkau, c.pegawai);
		printf("\t%s\t%lld\t%lld\t%d.%d\n", c.instansi.nama, (long long)c.pegawai,
		       (long long)c.terjangkau, pm / 10, pm % 10);
	}
	acara_cakupan_release(&c);
	if (rc) {
		cmd_app_error(rc);
		return EXIT_INTERNAL;
	}
	return EXIT_OK;
}

int cmd_acara(int argc, char **argv)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc < 2)
		return cmd_usage("acara");
	const char *sub = argv[1];
	if (strcmp(sub, "list") && strcmp(sub, "hadir-impor") && strcmp(sub, "cakupan"))
		return cmd_usage("acara");
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		return rc;
	}
	if (!strcmp(sub, "hadir-impor")) {
		rc = hadir_impor(s, &actor, argc, argv);
	} else if (!strcmp(sub, "cakupan")) {
		rc = cakupan(s, &actor, argc, argv);
	} else if (argc != 2) {
		rc = cmd_usage("acara");
	} else {
		rc = acara_list(s, &actor, 0, 0, print_acara, NULL);
		if (rc) {
			cmd_app_error(rc);
			rc = EXIT_CHECK_FAILED;
		}
	}
	store_close(s);
	return rc;
}
