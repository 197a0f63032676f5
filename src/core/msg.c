#include "core/compat.h"
#include "core/msg.h"
#include <strings.h>

static const char *const catalogue[MSG__COUNT][2] = {
#define MSG(id, idn, en) [id] = { idn, en },
#include "core/msg/all.def"
#undef MSG
};

const char *msg(enum msg_id id, enum lang lang)
{
	if ((unsigned)id >= MSG__COUNT)
		return "?";
	return catalogue[id][lang == LANG_EN ? 1 : 0];
}

enum lang lang_parse(const char *s)
{
	return s && strncasecmp(s, "en", 2) == 0 ? LANG_EN : LANG_ID;
}

const char *lang_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "id";
}

enum lang msg_cli_lang(void)
{
	return lang_parse(getenv("WASDAL_LANG"));
}

const char *msgc(enum msg_id id)
{
	return msg(id, msg_cli_lang());
}
