/* wasdal user add|passwd|disable|list|token: account administration from
 * the command line, through app/auth.h (so every change is audited). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_outbox.h"
#include "cmd/cmd_store.h"
#include "app/auth.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "store/store.h"
#include <termios.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* One line from stdin without its line end; echo off on a terminal. */
static int read_line(const char *prompt, char *out, size_t cap)
{
	int tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		} else {
			tty = 0;
		}
	}
	char *got = fgets(out, (int)cap, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got)
		return -1;
	size_t n = strlen(out);
	if (n && out[n - 1] == '\n')
		out[--n] = '\0';
	if (n && out[n - 1] == '\r')
		out[--n] = '\0';
	return 0;
}

/* The new password: one line from stdin with --password-stdin or when
 * stdin is not a terminal, else asked twice without echo. */
static int get_password(int from_stdin, char *pw, size_t cap)
{
	if (read_line(msgc(M_USER_PROMPT_PASSWORD), pw, cap))
		return EXIT_USAGE;
	if (!from_stdin && isatty(STDIN_FILENO)) {
		char again[LIMIT_PASSWORD_MAX_BYTES_HARD + 2];
		if (read_line(msgc(M_USER_PROMPT_AGAIN), again, sizeof(again)) || strcmp(pw, again)) {
			cmd_error(M_AUTH_PASSWORD_MISMATCH);
			return EXIT_USAGE;
		}
	}
	return 0;
}

static void print_auth_error(int rc, enum msg_id m)
{
	if (m)
		cmd_error(m);
	else if (rc == APP_EPERM || rc == APP_ENOTFOUND || rc == APP_ECONFLICT)
		cmd_error(auth_error_msg(rc));
	else
		cmd_app_error(rc);
}

static int exit_of(int rc)
{
	if (rc == APP_EINVAL || rc == APP_ECONFLICT || rc == APP_ENOTFOUND || rc == APP_EPERM)
		return EXIT_CHECK_FAILED;
	return EXIT_INTERNAL;
}

static int user_add(struct store *s, const struct principal *actor, int argc, char **argv)
{
	struct auth_user_new nu = { 0 };
	int pw_stdin = 0;
	for (int i = 2; i < argc; i++) {
		const char **slot = NULL;
		if (!strcmp(argv[i], "--role"))
			slot = &nu.role;
		else if (!strcmp(argv[i], "--instansi"))
			slot = &nu.instansi_kode;
		else if (!strcmp(argv[i], "--nama"))
			slot = &nu.nama;
		else if (!strcmp(argv[i], "--nip"))
			slot = &nu.nip;
		else if (!strcmp(argv[i], "--password-stdin"))
			pw_stdin = 1;
		else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return EXIT_USAGE;
		} else if (!nu.username)
			nu.username = argv[i];
		else
			return cmd_usage("user");
		if (slot) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, argv[i]);
				return EXIT_USAGE;
			}
			*slot = argv[++i];
		}
	}
	if (!nu.username || !nu.role || !nu.instansi_kode)
		return cmd_usage("user");
	char pw[LIMIT_PASSWORD_MAX_BYTES_HARD + 2];
	int rc = get_password(pw_stdin, pw, sizeof(pw));
	if (rc)
		return rc;
	nu.password = pw;
	enum msg_id m = 0;
	rc = auth_user_add(s, actor, &nu, NULL, &m);
	memset(pw, 0, sizeof(pw));
	if (rc) {
		print_auth_error(rc, m);
		return exit_of(rc);
	}
	char shown[64];
	snprintf(shown, sizeof(shown), "%s", nu.username);
	for (char *c = shown; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	printf(msgc(M_USER_ADDED), shown);
	putchar('\n');
	return EXIT_OK;
}

static int user_passwd(struct store *s, const struct principal *actor, int argc, char **argv)
{
	const char *name = NULL;
	int pw_stdin = 0;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--password-stdin"))
			pw_stdin = 1;
		else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return EXIT_USAGE;
		} else if (!name)
			name = argv[i];
		else
			return cmd_usage("user");
	}
	if (!name)
		return cmd_usage("user");
	char pw[LIMIT_PASSWORD_MAX_BYTES_HARD + 2];
	int rc = get_password(pw_stdin, pw, sizeof(pw));
	if (rc)
		return rc;
	enum msg_id m = 0;
	rc = auth_user_set_password(s, actor, name, pw, &m);
	memset(pw, 0, sizeof(pw));
	if (rc) {
		print_auth_error(rc, m);
		return exit_of(rc);
	}
	printf(msgc(M_USER_PASSWD_DONE), name);
	putchar('\n');
	return EXIT_OK;
}

static int user_disable(struct store *s, const struct principal *actor, int argc, char **argv)
{
	if (argc != 3 || argv[2][0] == '-')
		return cmd_usage("user");
	int rc = auth_user_disable(s, actor, argv[2]);
	if (rc) {
		print_auth_error(rc, 0);
		return exit_of(rc);
	}
	printf(msgc(M_USER_DISABLED_DONE), argv[2]);
	putchar('\n');
	return EXIT_OK;
}

struct list_ctx {
	struct user *v;
	size_t n, cap;
};

/* Collected first: the store is busy while it streams the list. */
static int collect_user(void *ctx, const struct user *u)
{
	struct list_ctx *lc = ctx;
	if (lc->n == lc->cap) {
		lc->cap = lc->cap ? lc->cap * 2 : 32;
		lc->v = xrealloc(lc->v, st_mult(lc->cap, sizeof(*lc->v)));
	}
	lc->v[lc->n++] = *u;
	return 0;
}

static int user_list(struct store *s, const struct principal *actor, int argc, char **argv)
{
	(void)argv;
	if (argc != 2)
		return cmd_usage("user");
	struct list_ctx lc = { NULL, 0, 0 };
	int rc = auth_user_list(s, actor, collect_user, &lc);
	if (rc) {
		free(lc.v);
		print_auth_error(rc, 0);
		return exit_of(rc);
	}
	printf("%s\n", msgc(M_USER_LIST_HEADER));
	for (size_t i = 0; i < lc.n; i++) {
		const struct user *u = &lc.v[i];
		struct instansi in;
		if (store_instansi_get(s, u->instansi_id, &in))
			snprintf(in.kode, sizeof(in.kode), "%" PRId64, u->instansi_id);
		printf("%-20s %-10s %-9s %-8s %s\n", u->username, u->role, in.kode,
		       msgc(u->disabled ? M_USER_INACTIVE : M_USER_ACTIVE), u->nama);
	}
	free(lc.v);
	return EXIT_OK;
}

static int user_token(struct store *s, const struct principal *actor, int argc, char **argv)
{
	if (argc != 4)
		return cmd_usage("user");
	char tok[AUTH_TOKEN_HEX];
	int rc = auth_token_create(s, actor, argv[2], argv[3], tok, NULL);
	if (rc == APP_EINVAL) {
		cmd_error(M_AUTH_TOKEN_NAME);
		return EXIT_USAGE;
	}
	if (rc) {
		print_auth_error(rc, 0);
		return exit_of(rc);
	}
	fprintf(stderr, "%s\n", msgc(M_USER_TOKEN_DONE));
	printf("%s\n", tok);
	memset(tok, 0, sizeof(tok));
	return EXIT_OK;
}

int cmd_user(int argc, char **argv)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc < 2)
		return cmd_usage("user");
	static const struct {
		const char *name;
		int (*fn)(struct store *, const struct principal *, int, char **);
	} subs[] = {
		{ "add", user_add }, { "passwd", user_passwd }, { "disable", user_disable },
		{ "list", user_list }, { "token", user_token }, { "email", cmd_user_email },
	};
	int (*fn)(struct store *, const struct principal *, int, char **) = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(subs); i++)
		if (!strcmp(argv[1], subs[i].name))
			fn = subs[i].fn;
	if (!fn)
		return cmd_usage("user");
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct principal actor;
	rc = cmd_actor(s, actor_name, &actor);
	if (!rc)
		rc = fn(s, &actor, argc, argv);
	store_close(s);
	return rc;
}
