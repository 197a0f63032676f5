/* The JSON body of POST /api/v1/laporan (and the reporter's follow-up
 * bodies) into struct laporan_input. Kept apart from the handler so the
 * fuzz target (tests/fuzz/fuzz_laporan_json.c) can include it without the
 * HTTP layer. */
#ifndef WASDAL_API_LAPORAN_JSON_H
#define WASDAL_API_LAPORAN_JSON_H

#include "api/json_util.h"
#include "app/laporan.h"

/* Every key must be a report field (string values; "tautan" may also be an
 * array of strings, joined one per line) or one of extra[] (NULL-ended,
 * string values copied into extra_out[i] of extra_size bytes). Problems
 * become field errors in e. 0 or APP_EINVAL/APP_ETOOBIG. */
int laporan_json_read(const char *body, size_t len, struct laporan_input *in,
		      const char *const *extra, char **extra_out, size_t extra_size,
		      struct api_error *e);

#endif
