#include "core/compat.h"
#include "app/berakhlak.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/msg.h"

static int split_indicators(struct berakhlak_value *v, const char *s)
{
	v->n_perilaku = 0;
	while (*s) {
		const char *end = strchr(s, ';');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		while (len && (*s == ' ' || *s == '\t')) {
			s++;
			len--;
		}
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len) {
			if (v->n_perilaku == BERAKHLAK_MAX_INDICATORS ||
			    len >= sizeof(v->perilaku[0]))
				return APP_EINVAL;
			memcpy(v->perilaku[v->n_perilaku], s, len);
			v->perilaku[v->n_perilaku][len] = 0;
			v->n_perilaku++;
		}
		if (!end)
			break;
		s = end + 1;
	}
	return v->n_perilaku ? 0 : APP_EINVAL;
}

int berakhlak_load_csv(struct berakhlak *b, const char *p, size_t n, struct load_error *err)
{
	static const char *const required[] = { "urutan", "nilai", "panduan_perilaku", NULL };
	struct csv_table t;
	memset(b, 0, sizeof(*b));
	int rc = csv_table_open_mem(&t, p, n, required, err);
	while (!rc && (rc = csv_table_next(&t, err)) == 1) {
		rc = 0;
		if (b->n == BERAKHLAK_MAX_VALUES) {
			load_error_set(err, &t, "", M_TABLE_BAD_VALUE, "");
			rc = APP_EINVAL;
			break;
		}
		struct berakhlak_value *v = &b->v[b->n];
		rc = csv_table_get_uint(&t, "urutan", -1, BERAKHLAK_MAX_VALUES, &v->urutan, err);
		if (rc)
			break;
		if (v->urutan != (int)b->n + 1) {
			load_error_set(err, &t, "urutan", M_TABLE_BAD_VALUE, csv_table_get(&t, "urutan"));
			rc = APP_EINVAL;
			break;
		}
		const char *nilai = csv_table_get(&t, "nilai");
		if (!*nilai || strlen(nilai) >= sizeof(v->nilai)) {
			load_error_set(err, &t, "nilai", M_TABLE_REQUIRED, nilai);
			rc = APP_EINVAL;
			break;
		}
		snprintf(v->nilai, sizeof(v->nilai), "%s", nilai);
		const char *pp = csv_table_get(&t, "panduan_perilaku");
		if (split_indicators(v, pp)) {
			load_error_set(err, &t, "panduan_perilaku", M_TABLE_BAD_VALUE, pp);
			rc = APP_EINVAL;
			break;
		}
		snprintf(v->sumber, sizeof(v->sumber), "%s", csv_table_get(&t, "sumber"));
		b->n++;
	}
	csv_table_close(&t);
	if (rc < 0)
		return rc;
	if (!b->n) {
		memset(err, 0, sizeof(*err));
		err->msg = M_TABLE_EMPTY;
		return APP_EINVAL;
	}
	return 0;
}

int berakhlak_load_default(struct berakhlak *b, struct load_error *err)
{
	const struct embedded_file *f = embedded_find("data/berakhlak.csv");
	if (!f) {
		memset(err, 0, sizeof(*err));
		err->msg = M_TABLE_EMPTY;
		return APP_EINTERNAL;
	}
	return berakhlak_load_csv(b, f->data, f->len, err);
}

int berakhlak_clause(const struct berakhlak_value *v, const char *conj, char *out, size_t outsz)
{
	size_t len = 0;
	if (!outsz)
		return -1;
	out[0] = 0;
	for (size_t i = 0; i < v->n_perilaku; i++) {
		const char *sep = i == 0 ? "" : "; ";
		const char *and = (i > 0 && i + 1 == v->n_perilaku) ? conj : "";
		const char *s = v->perilaku[i];
		char first = s[0];
		/* Lower-case only a plain ASCII capital that starts a word. */
		if (first >= 'A' && first <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
			first = (char)(first - 'A' + 'a');
		int w = snprintf(out + len, outsz - len, "%s%s%s%c%s", sep, and, *and ? " " : "",
				 first, s[0] ? s + 1 : "");
		if (w < 0 || (size_t)w >= outsz - len) {
			out[0] = 0;
			return -1;
		}
		len += (size_t)w;
	}
	if (len + 2 > outsz) {
		out[0] = 0;
		return -1;
	}
	out[len++] = '.';
	out[len] = 0;
	return (int)len;
}
