/* Shared by the commands that work on the database: the --db option and
 * opening the store with schema checks and bilingual messages. */
#ifndef WASDAL_CMD_CMD_STORE_H
#define WASDAL_CMD_CMD_STORE_H

struct store;

/* Take "--db URL" / "--db=URL" out of argv[1..argc-1], leaving the other
 * arguments in order (argv[0] stays). Returns 0, or EXIT_USAGE after
 * printing why. *db_url gets cmd_db_url() of the option. */
int cmd_take_db_option(int *argc, char **argv, const char **db_url);

enum cmd_schema { CMD_SCHEMA_ANY, CMD_SCHEMA_CURRENT };
/* Open url; with CMD_SCHEMA_CURRENT the schema must be exactly the binary's
 * (else the message says to run 'wasdal migrate'). Returns 0 or an exit
 * code after printing the reason. */
int cmd_open_store(const char *url, enum cmd_schema need, struct store **out);

#endif
