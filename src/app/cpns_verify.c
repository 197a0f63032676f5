#include "core/compat.h"
#include "app/cpns_verify.h"
#include "app/cpns_io.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"

static int is_hex64(const char *s, size_t n)
{
	if (n != 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* Check the sha256 lines of one summary file; -1 if it does not exist. */
static int verify_file(const char *dir, const char *file, struct cpns_verify *v, int *rc, int *bad)
{
	char *sp = xasprintf("%s/%s", dir, file);
	FILE *fp = fopen(sp, "r");
	free(sp);
	if (!fp)
		return -1;
	char line[8192];
	while (fgets(line, sizeof(line), fp)) {
		if (strncmp(line, "sha256 ", 7))
			continue;
		size_t len = strcspn(line, "\r\n");
		line[len] = '\0';
		char *name = line + 7, *sp1 = strchr(name, ' ');
		if (!sp1 || v->n >= CPNS_VERIFY_MAX) {
			*bad = 1;
			break;
		}
		char *hex = sp1 + 1, *sp2 = strchr(hex, ' ');
		if (!sp2 || (size_t)(sp1 - name) >= sizeof(v->item[0].name) ||
		    !is_hex64(hex, (size_t)(sp2 - hex)) || !sp2[1]) {
			*bad = 1;
			break;
		}
		struct cpns_verify_item *it = &v->item[v->n++];
		memcpy(it->name, name, (size_t)(sp1 - name));
		memcpy(it->expect, hex, 64);
		const char *path = sp2 + 1;
		it->path = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", dir, path);
		if (cpns_file_sha256(it->path, it->got)) {
			it->state = CPNS_V_UNREADABLE;
			it->err = errno;
			*rc = 1;
		} else if (memcmp(it->got, it->expect, 64)) {
			it->state = CPNS_V_MISMATCH;
			*rc = 1;
		}
	}
	fclose(fp);
	return 0;
}

int cpns_verify_dir(const char *dir, struct cpns_verify *v)
{
	memset(v, 0, sizeof(*v));
	int rc = 0, bad = 0;
	int a = verify_file(dir, "summary.txt", v, &rc, &bad);
	int b = verify_file(dir, "final-summary.txt", v, &rc, &bad);
	if (a < 0 && b < 0)
		return APP_ENOTFOUND;
	if (bad || v->n == 0)
		return APP_EINVAL;
	return rc;
}

void cpns_verify_free(struct cpns_verify *v)
{
	for (int i = 0; i < v->n; i++)
		free(v->item[i].path);
	memset(v, 0, sizeof(*v));
}
