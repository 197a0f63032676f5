/* JSON request bodies (bounded parse, allowlist check) and the one JSON
 * error and pagination shape of the API. See json_util.h. */
#include "core/compat.h"
#include "api/json_util.h"
#include "core/err.h"

/* Everything but the field errors, which are read only up to nfields and
 * written whole when added: clearing all 16 of them (9 KiB) was a sizeable
 * part of every API request, most of which never fail. */
void api_error_init(struct api_error *e)
{
	memset(e, 0, offsetof(struct api_error, fields));
}

/* Copy at most dstsz-1 bytes of s, never cutting a UTF-8 sequence. */
static void copy_utf8(char *dst, size_t dstsz, const char *s)
{
	size_t n = strlen(s);
	if (n >= dstsz) {
		n = dstsz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void format_both(char *id_out, char *en_out, size_t sz, enum msg_id id, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	vsnprintf(id_out, sz, msg(id, LANG_ID), ap);
	vsnprintf(en_out, sz, msg(id, LANG_EN), ap2);
	va_end(ap2);
}

int api_error_set(struct api_error *e, int code, enum msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	e->code = code;
	format_both(e->message, e->message_en, sizeof(e->message), id, ap);
	va_end(ap);
	return code;
}

int api_error_set_text(struct api_error *e, int code, const char *id_text, const char *en_text)
{
	e->code = code;
	copy_utf8(e->message, sizeof(e->message), id_text ? id_text : "");
	copy_utf8(e->message_en, sizeof(e->message_en), en_text ? en_text : "");
	return code;
}

static struct api_field_error *next_field(struct api_error *e, const char *field)
{
	if (!e->code) {
		e->code = APP_EINVAL;
		snprintf(e->message, sizeof(e->message), "%s", msg(M_API_INVALID_INPUT, LANG_ID));
		snprintf(e->message_en, sizeof(e->message_en), "%s", msg(M_API_INVALID_INPUT, LANG_EN));
	}
	if (e->nfields >= API_ERR_MAX_FIELDS) {
		e->truncated = 1;
		return NULL;
	}
	struct api_field_error *f = &e->fields[e->nfields++];
	copy_utf8(f->field, sizeof(f->field), field);
	return f;
}

void api_error_field(struct api_error *e, const char *field, enum msg_id id, ...)
{
	struct api_field_error *f = next_field(e, field);
	if (!f)
		return;
	va_list ap;
	va_start(ap, id);
	format_both(f->message, f->message_en, sizeof(f->message), id, ap);
	va_end(ap);
}

void api_error_field_text(struct api_error *e, const char *field, const char *id_text,
			  const char *en_text)
{
	struct api_field_error *f = next_field(e, field);
	if (!f)
		return;
	copy_utf8(f->message, sizeof(f->message), id_text ? id_text : "");
	copy_utf8(f->message_en, sizeof(f->message_en), en_text ? en_text : "");
}

int api_error_status(const struct api_error *e)
{
	return e->status ? e->status : app_err_http_status(e->code);
}

int api_error_write(struct buf *out, const struct api_error *e)
{
	struct jsonw w;
	jsonw_init(&w, out);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "error");
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "code", e->code_name ? e->code_name : app_err_name(e->code ? e->code : APP_EINTERNAL));
	jsonw_kv_str(&w, "message", e->message);
	jsonw_kv_str(&w, "message_en", e->message_en);
	if (e->nfields > 0) {
		jsonw_key(&w, "fields");
		jsonw_arr_begin(&w);
		for (int i = 0; i < e->nfields; i++) {
			jsonw_obj_begin(&w);
			jsonw_kv_str(&w, "field", e->fields[i].field);
			jsonw_kv_str(&w, "message", e->fields[i].message);
			jsonw_kv_str(&w, "message_en", e->fields[i].message_en);
			jsonw_obj_end(&w);
		}
		jsonw_arr_end(&w);
		if (e->truncated)
			jsonw_kv_bool(&w, "fields_truncated", 1);
	}
	jsonw_obj_end(&w);
	jsonw_obj_end(&w);
	return w.err;
}

int json_nesting_depth(const char *s, size_t n, int limit)
{
	int depth = 0, max = 0, in_str = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			if (c == '\\')
				i++; /* skip the escaped byte ("\"" must not end the string) */
			else if (c == '"')
				in_str = 0;
			continue;
		}
		switch (c) {
		case '"':
			in_str = 1;
			break;
		case '{':
		case '[':
			if (++depth > max) {
				max = depth;
				if (max > limit)
					return limit + 1;
			}
			break;
		case '}':
		case ']':
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
	}
	return max;
}

int json_body_parse(const char *body, size_t len, size_t max_len, int max_depth, json_t **out,
		    struct api_error *e)
{
	*out = NULL;
	if (len > max_len)
		return api_error_set(e, APP_ETOOBIG, M_API_BODY_TOO_BIG, max_len);
	if (len == 0 || !body)
		return api_error_set(e, APP_EINVAL, M_API_BODY_EMPTY);
	if (json_nesting_depth(body, len, max_depth) > max_depth)
		return api_error_set(e, APP_EINVAL, M_API_JSON_TOO_DEEP, max_depth);

	json_error_t jerr;
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		switch (json_error_code(&jerr)) {
		case json_error_duplicate_key:
			return api_error_set(e, APP_EINVAL, M_API_JSON_DUPLICATE, jerr.line, jerr.column);
		case json_error_stack_overflow:
			return api_error_set(e, APP_EINVAL, M_API_JSON_TOO_DEEP, max_depth);
		case json_error_out_of_memory:
			return api_error_set(e, APP_ENOMEM, M_OUT_OF_MEMORY);
		default:
			return api_error_set(e, APP_EINVAL, M_API_JSON_SYNTAX, jerr.line, jerr.column);
		}
	}
	if (!json_is_object(root)) {
		json_decref(root);
		return api_error_set(e, APP_EINVAL, M_API_JSON_NOT_OBJECT);
	}
	*out = root;
	return 0;
}

static const struct json_field *find_field(const struct json_field *fields, size_t n,
					   const char *key, size_t *idx)
{
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(fields[i].name, key)) {
			*idx = i;
			return &fields[i];
		}
	}
	return NULL;
}

static int has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 1;
	}
	return 0;
}

static void one_of_list(const char *const *vals, char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; vals[i]; i++) {
		int k = snprintf(out + used, outsz - used, "%s%s", i ? ", " : "", vals[i]);
		if (k < 0 || (size_t)k >= outsz - used)
			break;
		used += (size_t)k;
	}
}

static void check_string(const struct json_field *f, const json_t *v, char *dst,
			 struct api_error *e)
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (n >= f->size) {
		api_error_field(e, f->name, M_API_FIELD_TOO_LONG, f->size - 1);
		return;
	}
	if (has_control(s, n)) {
		api_error_field(e, f->name, M_API_FIELD_CONTROL);
		return;
	}
	if ((f->flags & JF_NONEMPTY) && n == 0) {
		api_error_field(e, f->name, M_API_FIELD_EMPTY);
		return;
	}
	if (f->one_of && !(n == 0 && !(f->flags & JF_NONEMPTY) && !(f->flags & JF_REQUIRED))) {
		int found = 0;
		for (size_t i = 0; f->one_of[i] && !found; i++)
			found = !strcmp(f->one_of[i], s);
		if (!found) {
			char list[API_ERR_TEXT / 2];
			one_of_list(f->one_of, list, sizeof(list));
			api_error_field(e, f->name, M_API_FIELD_ENUM, list);
			return;
		}
	}
	if (f->validate && n > 0) {
		int id = f->validate(s, n);
		if (id) {
			api_error_field(e, f->name, (enum msg_id)id);
			return;
		}
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void check_value(const struct json_field *f, const json_t *v, char *base,
			struct api_error *e)
{
	char *dst = base + f->offset;
	if (json_is_null(v) && (f->flags & JF_NULLABLE)) {
		switch (f->type) {
		case JF_STRING: dst[0] = '\0'; break;
		case JF_INT: memset(dst, 0, sizeof(int64_t)); break;
		case JF_BOOL: memset(dst, 0, sizeof(int)); break;
		}
		return;
	}
	switch (f->type) {
	case JF_STRING:
		if (!json_is_string(v))
			api_error_field(e, f->name, M_API_FIELD_NOT_STRING);
		else
			check_string(f, v, dst, e);
		break;
	case JF_INT: {
		if (!json_is_integer(v)) {
			api_error_field(e, f->name, M_API_FIELD_NOT_INT);
			break;
		}
		int64_t x = (int64_t)json_integer_value(v);
		if ((f->min || f->max) && (x < f->min || x > f->max)) {
			api_error_field(e, f->name, M_API_FIELD_RANGE, (long long)f->min,
					(long long)f->max);
			break;
		}
		memcpy(dst, &x, sizeof(x));
		break;
	}
	case JF_BOOL: {
		if (!json_is_boolean(v)) {
			api_error_field(e, f->name, M_API_FIELD_NOT_BOOL);
			break;
		}
		int b = json_is_true(v);
		memcpy(dst, &b, sizeof(b));
		break;
	}
	}
}

int json_body_check(const json_t *obj, const struct json_field *fields, size_t nfields, void *dst,
		    uint32_t *present, struct api_error *e)
{
	uint32_t seen = 0;
	const char *key;
	json_t *v;
	if (nfields > 32 || !json_is_object(obj)) {
		api_error_set(e, APP_EINVAL, M_API_JSON_NOT_OBJECT);
		return APP_EINVAL;
	}
	int before = e->nfields;
	int had_code = e->code;
	/* json_object_foreach wants a non-const object; it does not modify it. */
	json_object_foreach((json_t *)obj, key, v) {
		size_t i;
		const struct json_field *f = find_field(fields, nfields, key, &i);
		if (!f) {
			api_error_field(e, key, M_API_FIELD_UNKNOWN);
			continue;
		}
		seen |= 1u << i;
		check_value(f, v, dst, e);
	}
	for (size_t i = 0; i < nfields; i++) {
		if ((fields[i].flags & JF_REQUIRED) && !(seen & (1u << i)))
			api_error_field(e, fields[i].name, M_API_FIELD_REQUIRED);
	}
	if (present)
		*present = seen;
	if (e->nfields > before || e->truncated || (!had_code && e->code))
		return APP_EINVAL;
	return 0;
}

void api_page_begin(struct jsonw *w)
{
	jsonw_obj_begin(w);
	jsonw_key(w, "items");
	jsonw_arr_begin(w);
}

void api_page_end(struct jsonw *w, const char *next, int64_t total)
{
	jsonw_arr_end(w);
	jsonw_kv_str(w, "next", next); /* NULL writes null */
	jsonw_kv_int(w, "total", total);
	jsonw_obj_end(w);
}
