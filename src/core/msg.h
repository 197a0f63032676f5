/* The message catalogue: every user-facing text, Bahasa Indonesia first,
 * English second. The catalogue is one table built from the per-area
 * src/core/msg/<area>.def files (split only so that areas do not edit the
 * same file); each line is MSG(ID, "indonesian", "english"). A text may be a
 * printf format; callers pass the arguments it names. */
#ifndef WASDAL_CORE_MSG_H
#define WASDAL_CORE_MSG_H

enum lang { LANG_ID = 0, LANG_EN = 1 };

enum msg_id {
#define MSG(id, idn, en) id,
#include "core/msg/all.def"
#undef MSG
	MSG__COUNT
};

const char *msg(enum msg_id id, enum lang lang);
/* The language for command-line output: WASDAL_LANG=en selects English,
 * anything else Bahasa Indonesia. */
enum lang msg_cli_lang(void);
/* Shorthand for msg(id, msg_cli_lang()). */
const char *msgc(enum msg_id id);
/* Parse "id"/"en" (case-insensitive); unknown gives LANG_ID. */
enum lang lang_parse(const char *s);
const char *lang_code(enum lang lang);

#endif
