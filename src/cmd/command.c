#include "core/compat.h"
#include "cmd/cmd.h"

static const struct command commands[] = {
#define CMD(name, fn, summary, usage) { name, fn, summary, usage },
#include "cmd/commands.def"
#undef CMD
};

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

const struct command *command_list(size_t *n)
{
	*n = ARRAY_SIZE(commands);
	return commands;
}

const char *cmd_db_url(const char *from_option)
{
	if (from_option && *from_option)
		return from_option;
	const char *env = getenv("WASDAL_DB");
	if (env && *env)
		return env;
	return "sqlite:wasdal.db";
}

void cmd_error(enum msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	fputs("wasdal: ", stderr);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vfprintf(stderr, msgc(id), ap);
#pragma GCC diagnostic pop
	fputc('\n', stderr);
	va_end(ap);
}

int cmd_usage(const char *name)
{
	const struct command *c = command_find(name);
	if (c)
		fprintf(stderr, "%s\n", msgc(c->usage));
	return EXIT_USAGE;
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		const struct command *c = command_find(argv[1]);
		if (!c) {
			cmd_error(M_UNKNOWN_COMMAND, argv[1]);
			return EXIT_USAGE;
		}
		printf("%s\n\n%s\n", msgc(c->summary), msgc(c->usage));
		return EXIT_OK;
	}
	size_t n;
	const struct command *list = command_list(&n);
	printf("%s\n", msgc(M_HELP_HEADER));
	for (size_t i = 0; i < n; i++)
		printf("  %-18s %s\n", list[i].name, msgc(list[i].summary));
	printf("\n%s\n", msgc(M_HELP_FOOTER));
	return EXIT_OK;
}
