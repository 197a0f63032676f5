/* wasdal cpns publish (cmd_cpns_publish.c), dispatched from cmd_cpns.c. */
#ifndef WASDAL_CMD_CMD_CPNS_PUBLISH_H
#define WASDAL_CMD_CMD_CPNS_PUBLISH_H

int cmd_cpns_publish(int argc, char **argv);

#endif
