/* Evidence files and transactions (app/bukti.h): a file written inside a
 * journal that does not commit is removed, unless it was there before or
 * another writer holds the same content; a committed one stays. The orphan
 * sweep lists files no row references, spares young files and deletes
 * only when asked. */
#include "core/compat.h"
#include "app/bukti.h"
#include "core/err.h"
#include "test_helpers.h"
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/wasdal-bukti-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	bukti_set_dir(dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void prepare(const char *text, struct bukti_prepared *p)
{
	char pdf[256];
	enum msg_id why;
	snprintf(pdf, sizeof(pdf), "%%PDF-1.4\n%% %s\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n", text);
	assert_int_eq(bukti_prepare((const uint8_t *)pdf, strlen(pdf), p, &why), 0);
}

static int exists(const struct bukti_prepared *p)
{
	char path[4200];
	struct stat st;
	bukti_path(p->sha256, path, sizeof(path));
	return stat(path, &st) == 0;
}

static void age(const struct bukti_prepared *p, int seconds)
{
	char path[4200];
	bukti_path(p->sha256, path, sizeof(path));
	struct utimbuf t = { time(NULL) - seconds, time(NULL) - seconds };
	assert_int_eq(utime(path, &t), 0);
}

static void rollback_removes_what_it_wrote(void **state)
{
	(void)state;
	struct bukti_prepared a, b;
	prepare("a", &a);
	prepare("b", &b);
	bukti_journal_begin();
	assert_int_eq(bukti_write(&a), 0);
	assert_int_eq(bukti_write(&a), 0); /* the same file twice */
	assert_int_eq(bukti_write(&b), 0);
	assert_true(exists(&a) && exists(&b));
	assert_int_eq(bukti_journal_end(0), 2);
	assert_false(exists(&a));
	assert_false(exists(&b));
	/* committed: kept */
	bukti_journal_begin();
	assert_int_eq(bukti_write(&a), 0);
	assert_int_eq(bukti_journal_end(1), 0);
	assert_true(exists(&a));
	/* a rollback never removes a file that was there before it */
	bukti_journal_begin();
	assert_int_eq(bukti_write(&a), 0);
	assert_int_eq(bukti_write(&b), 0);
	assert_int_eq(bukti_journal_end(0), 1);
	assert_true(exists(&a));
	assert_false(exists(&b));
	/* no journal: nothing tracked, nothing removed */
	assert_int_eq(bukti_write(&b), 0);
	assert_int_eq(bukti_journal_end(0), 0);
	assert_true(exists(&b));
	bukti_release(&a);
	bukti_release(&b);
}

struct seen {
	const char *ref;
	int n;
	char last[65];
};

static int is_ref(void *ctx, const char *name)
{
	struct seen *s = ctx;
	return s->ref && !strcmp(s->ref, name);
}

static void see(void *ctx, const char *name)
{
	struct seen *s = ctx;
	s->n++;
	snprintf(s->last, sizeof(s->last), "%s", name);
}

static void orphans_listed_and_swept(void **state)
{
	(void)state;
	struct bukti_prepared a, b;
	prepare("a", &a); /* both on disk from the test above */
	prepare("b", &b);
	struct seen s = { a.sha256, 0, "" };
	int64_t n = -1;
	assert_int_eq(bukti_orphans(is_ref, see, &s, 0, &n), 0);
	assert_int_eq(n, 0); /* b is young: perhaps about to be referenced */
	age(&a, 7200);
	age(&b, 7200);
	assert_int_eq(bukti_orphans(is_ref, see, &s, 0, &n), 0);
	assert_int_eq(n, 1);
	assert_str_eq(s.last, b.sha256);
	assert_true(exists(&b)); /* listing deletes nothing */
	/* writing it again (a new report with the same bytes) touches it */
	assert_int_eq(bukti_write(&b), 0);
	assert_int_eq(bukti_orphans(is_ref, see, &s, 0, &n), 0);
	assert_int_eq(n, 0);
	age(&b, 7200);
	s.n = 0;
	assert_int_eq(bukti_orphans(is_ref, see, &s, 1, &n), 0);
	assert_int_eq(n, 1);
	assert_false(exists(&b));
	assert_true(exists(&a)); /* referenced: kept */
	bukti_release(&a);
	bukti_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rollback_removes_what_it_wrote),
		cmocka_unit_test(orphans_listed_and_swept),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("bukti_jurnal", tests, setup, teardown);
}
