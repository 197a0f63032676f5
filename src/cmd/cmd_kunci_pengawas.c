/* wasdal kunci-pengawas buat|tampil: the oversight key that reporters'
 * identities are sealed to (app/laporan.h, crypto/seal.h).
 *
 * buat: a new key pair; the secret key is stored encrypted under a
 * passphrase read from the environment variable WASDAL_KUNCI_PASSPHRASE or,
 * when that is unset, from the first line of standard input (so it never
 * sits in argv or the shell history). The custodian keeps the passphrase;
 * without it no identity can be opened. A second 'buat' rotates: reports
 * sealed before stay openable with the old key's passphrase.
 * tampil: the current public key. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/laporan.h"
#include "core/err.h"
#include "crypto/seal.h"
#include "store/store.h"
#include <sodium.h>

static int read_passphrase(char *out, size_t cap)
{
	const char *env = getenv("WASDAL_KUNCI_PASSPHRASE");
	if (env) {
		snprintf(out, cap, "%s", env);
		return strlen(env) < cap ? 0 : -1;
	}
	if (!fgets(out, (int)cap, stdin))
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

int cmd_kunci_pengawas(int argc, char **argv)
{
	const char *db = NULL, *actor_name = NULL;
	int rc = cmd_take_db_option(&argc, argv, &db);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc != 2 || (strcmp(argv[1], "buat") && strcmp(argv[1], "tampil")))
		return cmd_usage("kunci-pengawas");
	struct store *s;
	if ((rc = cmd_open_store(db, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct kunci_pengawas k;
	if (!strcmp(argv[1], "tampil")) {
		rc = store_kunci_pengawas_current(s, &k);
		store_close(s);
		if (rc == APP_ENOTFOUND) {
			cmd_error(M_KUNCI_NONE);
			return EXIT_CHECK_FAILED;
		}
		if (rc) {
			cmd_app_error(rc);
			return EXIT_INTERNAL;
		}
		printf("%s\n", k.public_hex);
		return EXIT_OK;
	}
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		return rc;
	}
	if (actor.role != ROLE_ADMIN && actor.role != ROLE_CUSTODIAN) {
		store_close(s);
		cmd_error(M_KUNCI_PERM);
		return EXIT_CHECK_FAILED;
	}
	char pass[1024];
	if (read_passphrase(pass, sizeof(pass)) || strlen(pass) < SEAL_PASSPHRASE_MIN) {
		sodium_memzero(pass, sizeof(pass));
		store_close(s);
		cmd_error(M_KUNCI_PASS_SHORT, SEAL_PASSPHRASE_MIN);
		return EXIT_USAGE;
	}
	rc = laporan_kunci_buat(s, &actor, pass, &k);
	sodium_memzero(pass, sizeof(pass));
	store_close(s);
	if (rc) {
		cmd_app_error(rc);
		return EXIT_INTERNAL;
	}
	cmd_error(M_KUNCI_CREATED);
	printf("%s\n", k.public_hex);
	return EXIT_OK;
}
