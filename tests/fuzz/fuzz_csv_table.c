/* libFuzzer target: admins import holiday calendars and workflow
 * definitions as CSV; the loaders must refuse bad files cleanly. */
#include "core/compat.h"
#include "app/calendar.h"
#include "app/workflow.h"
#include "core/csv_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_error err;
	struct calendar c;
	calendar_init(&c);
	calendar_load_csv(&c, (const char *)data, size, &err);
	calendar_release(&c);

	/* Split the input in two at the first form feed: stages, transitions. */
	const char *p = (const char *)data;
	const char *ff = memchr(p, '\f', size);
	size_t n1 = ff ? (size_t)(ff - p) : size;
	struct workflow wf;
	char problem[200];
	workflow_init(&wf);
	workflow_load_csv(&wf, p, n1, ff ? ff + 1 : "", ff ? size - n1 - 1 : 0, &err, problem,
			  sizeof(problem));
	workflow_release(&wf);
	return 0;
}
