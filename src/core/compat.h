/* First include of every .c file: feature macros, common system headers,
 * and the banned-function list (after the system headers, so it only
 * affects our code). */
#ifndef WASDAL_CORE_COMPAT_H
#define WASDAL_CORE_COMPAT_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define WARN_UNUSED __attribute__((warn_unused_result))
#define UNUSED(x) ((void)(x))

#include "core/banned.h"

#endif
