/* wasdal seed demo: migrate if needed, then the demo data of app/seed.c;
 * prints the demo accounts and their (public) passwords. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/seed.h"
#include "core/err.h"
#include "store/store.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

int cmd_seed(int argc, char **argv)
{
	const char *url;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (rc)
		return rc;
	if (argc != 2 || strcmp(argv[1], "demo"))
		return cmd_usage("seed");
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_ANY, &s)))
		return rc;
	int from = 0, to = 0;
	rc = store_migrate(s, &from, &to);
	if (rc) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		store_close(s);
		return rc == APP_ESCHEMA ? EXIT_USAGE : EXIT_INTERNAL;
	}
	struct seed_stats st;
	rc = seed_demo(s, &st);
	if (rc) {
		cmd_error(M_STORE_FAILED, store_last_error(s)[0] ? store_last_error(s) : app_err_name(rc));
		store_close(s);
		return EXIT_INTERNAL;
	}
	store_close(s);
	printf(msgc(M_SEED_DONE), (long long)st.instansi, (long long)st.pegawai,
	       (long long)st.pegawai_created);
	putchar('\n');
	for (const struct seed_account *a = seed_demo_accounts; a->username; a++)
		printf("  %-17s %-20s %-10s %s\n", a->username, a->password, a->role, a->what);
	printf("%s\n", msgc(M_SEED_LAPORAN));
	for (const struct seed_laporan *l = seed_demo_laporan; l->receipt; l++)
		printf("  %.4s-%.4s-%.4s-%.4s  %s\n", l->receipt, l->receipt + 4, l->receipt + 8,
		       l->receipt + 12, l->what);
	printf(msgc(M_SEED_KUNCI), SEED_DEMO_KUNCI_PASSPHRASE);
	putchar('\n');
	printf("%s\n", msgc(M_SEED_WARNING));
	return EXIT_OK;
}
