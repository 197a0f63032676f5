/* wasdal aktivasi terbitkan: issue one-time activation codes (app/aktivasi.h)
 * for an instansi, a unit, a campaign's scope or one NIP, and print them as
 * CSV (nip,nama,unit_kode,unit_nama,kode_aktivasi,berlaku_sampai) for
 * slips or a mail merge. The codes are shown only here: the store keeps
 * their hashes. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/aktivasi.h"
#include "core/csv.h"
#include "core/err.h"
#include "store/store.h"
#include <time.h>

static int take(int argc, char **argv, int *i, const char **out)
{
	if (*i + 1 >= argc) {
		cmd_error(M_MISSING_ARG, argv[*i]);
		return -1;
	}
	*out = argv[++*i];
	return 0;
}

int cmd_aktivasi(int argc, char **argv)
{
	const char *db = NULL, *actor_name = NULL;
	int rc = cmd_take_db_option(&argc, argv, &db);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc < 2 || strcmp(argv[1], "terbitkan"))
		return cmd_usage("aktivasi");
	const char *instansi = NULL, *unit = NULL, *kampanye = NULL, *nip = NULL, *hari = NULL;
	for (int i = 2; i < argc; i++) {
		const char **dst = !strcmp(argv[i], "--instansi") ? &instansi
				 : !strcmp(argv[i], "--unit") ? &unit
				 : !strcmp(argv[i], "--kampanye") ? &kampanye
				 : !strcmp(argv[i], "--nip") ? &nip
				 : !strcmp(argv[i], "--hari") ? &hari : NULL;
		if (!dst) {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("aktivasi");
		}
		if (take(argc, argv, &i, dst))
			return cmd_usage("aktivasi");
	}
	char *end;
	long long kid = kampanye ? strtoll(kampanye, &end, 10) : 0;
	if (kampanye && (*end || kid <= 0))
		return cmd_usage("aktivasi");
	long h = hari ? strtol(hari, &end, 10) : 0;
	if (hari && (*end || h <= 0 || h > 100000))
		return cmd_usage("aktivasi");
	if (!instansi && !kampanye)
		return cmd_usage("aktivasi");
	struct store *s;
	if ((rc = cmd_open_store(db, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		return rc;
	}
	struct aktivasi_request req = { instansi, unit, kid, nip, (int)h };
	struct aktivasi_slip *v = NULL;
	size_t n = 0;
	enum msg_id err = 0;
	rc = aktivasi_terbitkan(s, &actor, &req, &v, &n, &err);
	store_close(s);
	if (rc) {
		if (err)
			cmd_error(M_CMD_AKT_FAILED, msgc(err));
		else
			cmd_app_error(rc);
		return rc == APP_EINVAL || rc == APP_ETOOBIG ? EXIT_USAGE
		     : rc == APP_EPERM || rc == APP_ENOTFOUND ? EXIT_CHECK_FAILED : EXIT_INTERNAL;
	}
	struct csv_writer w;
	csv_writer_init(&w, stdout);
	static const char *const head[] = { "nip", "nama", "unit_kode", "unit_nama", "kode_aktivasi",
					    "berlaku_sampai" };
	for (size_t i = 0; i < 6; i++)
		csv_write_field(&w, head[i]);
	rc = csv_end_row(&w);
	for (size_t k = 0; k < n && !rc; k++) {
		char until[32];
		time_t t = (time_t)(v[k].expires_ms / 1000);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(until, sizeof(until), "%Y-%m-%dT%H:%M:%SZ", &tm);
		const char *cell[6] = { v[k].nip, v[k].nama, v[k].unit_kode, v[k].unit_nama, v[k].kode,
					until };
		for (size_t i = 0; i < 6; i++)
			csv_write_field(&w, cell[i]);
		rc = csv_end_row(&w);
	}
	csv_writer_release(&w);
	aktivasi_slips_free(v, n);
	if (rc || fflush(stdout)) {
		cmd_app_error(APP_EIO);
		return EXIT_INTERNAL;
	}
	cmd_error(M_CMD_AKT_DONE, (long long)n);
	return EXIT_OK;
}
