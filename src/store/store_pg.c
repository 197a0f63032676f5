/* placeholder until the PostgreSQL backend lands */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/err.h"
static int pg_open(const char *url, struct store **out)
{
	(void)url;
	*out = NULL;
	return APP_EINVAL;
}
const struct store_ops store_pg_ops = { .name = "postgresql", .open = pg_open };
