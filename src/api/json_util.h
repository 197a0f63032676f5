/* JSON request bodies and JSON error bodies for the API. With the handlers in api/
 * handlers, this is the only code that includes <jansson.h>.
 *
 * Input: json_body_parse checks the size and the nesting depth with a
 * bounded pre-scan BEFORE jansson sees a byte (jansson 2.14 caps its parser
 * at depth 2048 and recurses in dump/equal/copy without a cap), then parses
 * with JSON_REJECT_DUPLICATES. json_body_check applies an allowlist of keys,
 * each with a type and an optional validator, and copies the values into a
 * caller struct; unknown keys and wrong types become field-level errors.
 *
 * Output: one error shape for every API failure,
 *   {"error":{"code":"invalid","message":"<id>","message_en":"<en>",
 *             "fields":[{"field":"nip","message":"<id>","message_en":"<en>"}]}}
 * with the HTTP status of app_err_http_status(code) unless overridden
 * (415, 405), and one pagination shape, {"items":[...],"next":"c"|null,"total":N}. */
#ifndef WASDAL_API_JSON_UTIL_H
#define WASDAL_API_JSON_UTIL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"
#include "core/jsonw.h"
#include "core/msg.h"

#define API_ERR_MAX_FIELDS 16
#define API_ERR_TEXT 256

struct api_field_error {
	char field[64];
	char message[API_ERR_TEXT];     /* Bahasa Indonesia */
	char message_en[API_ERR_TEXT];
};

struct api_error {
	int code;                       /* enum app_err; 0 = no error */
	int status;                     /* HTTP status; 0 = app_err_http_status(code) */
	const char *code_name;          /* static; NULL = app_err_name(code) */
	char message[API_ERR_TEXT];
	char message_en[API_ERR_TEXT];
	int nfields;
	int truncated;                  /* more field errors than API_ERR_MAX_FIELDS */
	struct api_field_error fields[API_ERR_MAX_FIELDS];
};

void api_error_init(struct api_error *e);
/* Set the code and the top-level message from a catalogue format and its
 * arguments (formatted once per language). Returns code, so a caller can
 * write `return api_error_set(e, APP_EINVAL, M_X);`. */
int api_error_set(struct api_error *e, int code, enum msg_id id, ...);
/* Set code and message from literal texts (already translated). */
int api_error_set_text(struct api_error *e, int code, const char *id_text, const char *en_text);
/* Add a field error (message from the catalogue, printf arguments allowed).
 * Sets code to APP_EINVAL and the top-level message to M_API_INVALID_INPUT
 * when no error was set yet. Keeps the first API_ERR_MAX_FIELDS. */
void api_error_field(struct api_error *e, const char *field, enum msg_id id, ...);
void api_error_field_text(struct api_error *e, const char *field, const char *id_text,
			  const char *en_text);
int api_error_status(const struct api_error *e);
/* Append the error body to out (a JSON object, no trailing newline). */
int api_error_write(struct buf *out, const struct api_error *e) __attribute__((warn_unused_result));

/* Parse a request body. body[0..len) need not be NUL-terminated.
 * - len > max_len: APP_ETOOBIG (413).
 * - len == 0, bad syntax, depth > max_depth, duplicate keys, a top level
 *   that is not an object: APP_EINVAL (400) with a message.
 * On success *out is a new reference the caller releases with json_decref. */
int json_body_parse(const char *body, size_t len, size_t max_len, int max_depth, json_t **out,
		    struct api_error *e) __attribute__((warn_unused_result));

/* The greatest nesting depth of containers in s[0..n), stopping early once
 * it passes limit (returns limit + 1 then). Strings and escapes are
 * skipped; malformed input is not diagnosed here (jansson does that).
 * Linear in n, no recursion. */
int json_nesting_depth(const char *s, size_t n, int limit);

/* ---- allowlist schema ---- */
enum json_ftype {
	JF_STRING,   /* copied NUL-terminated into char[size] at offset */
	JF_INT,      /* int64_t at offset; min/max enforced */
	JF_BOOL,     /* int (0/1) at offset */
};

#define JF_REQUIRED   0x1u  /* must be present */
#define JF_NONEMPTY   0x2u  /* string: not "" (after the check for presence) */
#define JF_NULLABLE   0x4u  /* null accepted: string becomes "", int 0, bool 0 */

struct json_field {
	const char *name;
	enum json_ftype type;
	unsigned flags;
	size_t offset;               /* offsetof(struct x, member) */
	size_t size;                 /* sizeof the member; strings need len < size */
	int64_t min, max;            /* JF_INT; both 0 = no range check */
	const char *const *one_of;   /* JF_STRING: NULL-terminated allowed values, or NULL */
	/* JF_STRING: 0 when valid, else a catalogue id for the field message. */
	int (*validate)(const char *s, size_t n);
};

/* Check obj (a JSON object) against fields[0..nfields): every key must be
 * listed, every listed JF_REQUIRED key present, every value of its type
 * and valid. Values are copied into dst; *present gets bit i set for
 * fields[i] that were present (nfields <= 32). All problems are collected
 * in e as field errors. Returns 0 or APP_EINVAL. Control characters other
 * than tab are refused in strings. */
int json_body_check(const json_t *obj, const struct json_field *fields, size_t nfields, void *dst,
		    uint32_t *present, struct api_error *e) __attribute__((warn_unused_result));

/* ---- pagination: {"items":[ ... ],"next":...,"total":N} ---- */
void api_page_begin(struct jsonw *w);
/* next NULL writes null. */
void api_page_end(struct jsonw *w, const char *next, int64_t total);

#endif
