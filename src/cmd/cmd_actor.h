/* Who a command acts as: --actor NAME is an existing, enabled account (its
 * role and scope apply, and audit records carry its name); without it the
 * operator acts as a national admin named "cli:$USER". */
#ifndef WASDAL_CMD_CMD_ACTOR_H
#define WASDAL_CMD_CMD_ACTOR_H

#include "app/principal.h"

struct store;

/* Take "--actor NAME" / "--actor=NAME" out of argv like cmd_take_db_option.
 * Returns 0 or EXIT_USAGE. *name is NULL when absent. */
int cmd_take_actor_option(int *argc, char **argv, const char **name);
/* Fill *out for name (see above); 0 or an exit code after printing why. */
int cmd_actor(struct store *s, const char *name, struct principal *out);
/* Print an app error: the catalogue text of a code. */
void cmd_app_error(int rc);

#endif
