/* Every subcommand is `int cmd_<name>(int argc, char **argv)` returning the
 * process exit code; argv[0] is the subcommand name. */
#ifndef WASDAL_CMD_CMD_H
#define WASDAL_CMD_CMD_H

#include "core/msg.h"

enum exit_code { EXIT_OK = 0, EXIT_CHECK_FAILED = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	enum msg_id summary;  /* one line for 'wasdal help' */
	enum msg_id usage;    /* full text for 'wasdal help <name>' */
};

#define CMD(name, fn, summary, usage) int fn(int argc, char **argv);
#include "cmd/commands.def"
#undef CMD

const struct command *command_find(const char *name);
const struct command *command_list(size_t *n);

/* The database URL: --db if given, else $WASDAL_DB, else sqlite:wasdal.db. */
const char *cmd_db_url(const char *from_option);

/* Print "wasdal: <message>" to stderr; message is a catalogue format. */
void cmd_error(enum msg_id id, ...);
/* Print the usage text of a command and return EXIT_USAGE. */
int cmd_usage(const char *name);

#endif
