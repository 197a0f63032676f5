/* Audit diffs ({"field":[old,new],...}) as an HTML list. */
#ifndef WASDAL_WEB_DIFF_VIEW_H
#define WASDAL_WEB_DIFF_VIEW_H

#include "web/html.h"

/* Writes the diff as <ul class="diff">; falls back to escaped text for any
 * other shape. NULL or "" writes nothing. */
void diff_view(struct html *h, const char *json);

#endif
