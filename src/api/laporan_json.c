/* JSON report bodies (see laporan_json.h). */
#include "core/compat.h"
#include "api/laporan_json.h"
#include "core/err.h"
#include "core/limits.h"

static int join_urls(json_t *arr, struct laporan_input *in, struct api_error *e)
{
	size_t i, o = 0;
	json_t *v;
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v)) {
			api_error_field(e, "tautan", M_API_FIELD_NOT_STRING);
			return APP_EINVAL;
		}
		size_t n = json_string_length(v);
		if (o + n + 2 > sizeof(in->tautan)) {
			api_error_field(e, "tautan", M_API_FIELD_TOO_LONG, sizeof(in->tautan) - 1);
			return APP_EINVAL;
		}
		if (o)
			in->tautan[o++] = '\n';
		memcpy(in->tautan + o, json_string_value(v), n);
		o += n;
		in->tautan[o] = '\0';
	}
	return 0;
}

int laporan_json_read(const char *body, size_t len, struct laporan_input *in,
		      const char *const *extra, char **extra_out, size_t extra_size,
		      struct api_error *e)
{
	json_t *j;
	memset(in, 0, sizeof(*in));
	int rc = json_body_parse(body, len, LIMIT_JSON_BODY, LIMIT_JSON_DEPTH, &j, e);
	if (rc)
		return rc;
	const char *key;
	json_t *val;
	json_object_foreach(j, key, val) {
		int is_extra = -1;
		for (int i = 0; extra && extra[i]; i++)
			if (!strcmp(extra[i], key))
				is_extra = i;
		if (is_extra < 0 && !laporan_input_max(key)) {
			api_error_field(e, key, M_API_FIELD_UNKNOWN);
			continue;
		}
		if (!strcmp(key, "tautan") && json_is_array(val)) {
			(void)join_urls(val, in, e);
			continue;
		}
		if (json_is_null(val))
			continue;
		if (!json_is_string(val)) {
			api_error_field(e, key, M_API_FIELD_NOT_STRING);
			continue;
		}
		const char *s = json_string_value(val);
		size_t n = json_string_length(val);
		if (memchr(s, '\0', n)) {
			api_error_field(e, key, M_API_FIELD_CONTROL);
			continue;
		}
		if (is_extra >= 0) {
			if (n >= extra_size)
				api_error_field(e, key, M_API_FIELD_TOO_LONG, extra_size - 1);
			else
				snprintf(extra_out[is_extra], extra_size, "%s", s);
			continue;
		}
		if (laporan_input_set(in, key, s, n))
			api_error_field(e, key, M_API_FIELD_TOO_LONG, laporan_input_max(key));
	}
	json_decref(j);
	return e->code ? APP_EINVAL : 0;
}
