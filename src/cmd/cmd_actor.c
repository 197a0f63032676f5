/* The acting principal of a command (see cmd_actor.h). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "app/auth.h"
#include "core/err.h"
#include "store/store.h"

int cmd_take_actor_option(int *argc, char **argv, const char **name)
{
	*name = NULL;
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--actor")) {
			if (i + 1 >= *argc) {
				cmd_error(M_MISSING_ARG, "--actor");
				return EXIT_USAGE;
			}
			*name = argv[++i];
		} else if (!strncmp(argv[i], "--actor=", 8)) {
			*name = argv[i] + 8;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int cmd_actor(struct store *s, const char *name, struct principal *out)
{
	if (!name) {
		auth_principal_cli(NULL, out);
		return 0;
	}
	struct user u;
	char lower[64];
	size_t n = strlen(name);
	if (n == 0 || n >= sizeof(lower)) {
		cmd_error(M_CMD_ACTOR_UNKNOWN, name);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] - 'A' + 'a' : name[i]);
	if (store_user_get_by_username(s, lower, &u) || u.disabled) {
		cmd_error(M_CMD_ACTOR_UNKNOWN, name);
		return EXIT_USAGE;
	}
	auth_principal_from_user(&u, out);
	return 0;
}

void cmd_app_error(int rc)
{
	switch (rc) {
	case APP_EPERM: cmd_error(M_REG_NO_PERMISSION); break;
	case APP_ENOTFOUND: cmd_error(M_REG_NOT_FOUND); break;
	default: cmd_error(M_CMD_FAILED, app_err_name(rc)); break;
	}
}
