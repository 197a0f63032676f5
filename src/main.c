/* wasdal <command> [options]: one binary for the server, the command line
 * and the batch engines, dispatched from the table in cmd/commands.def. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include <locale.h>

int main(int argc, char **argv)
{
	/* Numbers and sorting must not follow the user's locale: results and
	 * exports have to be byte-identical everywhere. */
	setlocale(LC_ALL, "C");
	if (argc < 2) {
		char *help[] = { "help", NULL };
		cmd_help(1, help);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		name = "help";
	if (!strcmp(name, "--version")) {
		printf("wasdal %s\n", WASDAL_VERSION);
		return EXIT_OK;
	}
	const struct command *c = command_find(name);
	if (!c) {
		cmd_error(M_UNKNOWN_COMMAND, name);
		return EXIT_USAGE;
	}
	return c->fn(argc - 1, argv + 1);
}
