/* The JSON API route table (owned by the api/ area). Placeholder so the
 * server links before the API lands. */
#include "core/compat.h"
#include "http/http.h"

const struct route api_routes[] = {
	{ 0 },
};
