/* Shared by cmd_serve.c and cmd_user.c: the sender settings from the
 * environment and options, and 'wasdal user email'. */
#ifndef WASDAL_CMD_CMD_OUTBOX_H
#define WASDAL_CMD_CMD_OUTBOX_H

#include "app/outbox.h"

/* outbox_config_load, then --smtp / --from when not NULL. 0 or an exit
 * code after printing why. */
int cmd_outbox_config(struct outbox_config *c, const char *smtp, const char *from);
int cmd_user_email(struct store *s, const struct principal *actor, int argc, char **argv);

#endif
