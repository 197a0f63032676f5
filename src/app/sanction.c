#include "core/compat.h"
#include "app/sanction.h"

static const char *const level_names[] = {
	[SANCTION_NONE] = "",
	[SANCTION_MORAL] = "moral",
	[SANCTION_RINGAN] = "ringan",
	[SANCTION_SEDANG] = "sedang",
	[SANCTION_BERAT] = "berat",
	[SANCTION_PTDH] = "ptdh",
};

enum sanction_level sanction_level_parse(const char *s)
{
	for (size_t i = 1; i < ARRAY_SIZE(level_names); i++)
		if (!strcmp(s, level_names[i]))
			return (enum sanction_level)i;
	return SANCTION_NONE;
}

const char *sanction_level_name(enum sanction_level l)
{
	return (unsigned)l < ARRAY_SIZE(level_names) ? level_names[l] : "";
}

unsigned sanction_check(const struct sanction_type *imposed, enum sanction_level recommended,
			const struct sanction_type *const *previous, size_t nprevious)
{
	unsigned flags = SANCTION_OK;
	if (imposed->level < recommended)
		flags |= SANCTION_LIGHTER_THAN_RECOMMENDED;
	int heaviest = 0;
	for (size_t i = 0; i < nprevious; i++)
		if (previous[i]->rank > heaviest)
			heaviest = previous[i]->rank;
	/* PTDH ends employment; nothing can be heavier, so it always suffices. */
	if (nprevious && imposed->rank <= heaviest && imposed->level != SANCTION_PTDH)
		flags |= SANCTION_REPEAT_NOT_HEAVIER;
	return flags;
}
