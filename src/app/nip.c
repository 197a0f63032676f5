#include "core/compat.h"
#include "app/nip.h"

static int digits_value(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* Copy the 18 digits out of either accepted form; 0 on success. */
static int collect_digits(const char *s, size_t n, char out[19])
{
	static const size_t spaced_at[] = { 8, 15, 17 };
	if (n == 18) {
		for (size_t i = 0; i < 18; i++)
			if (s[i] < '0' || s[i] > '9')
				return -1;
		memcpy(out, s, 18);
		out[18] = '\0';
		return 0;
	}
	if (n != 21)
		return -1;
	size_t k = 0, sp = 0;
	for (size_t i = 0; i < n; i++) {
		if (sp < ARRAY_SIZE(spaced_at) && i == spaced_at[sp]) {
			if (s[i] != ' ')
				return -1;
			sp++;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		out[k++] = s[i];
	}
	out[18] = '\0';
	return k == 18 ? 0 : -1;
}

int nip_parse(const char *s, size_t n, int today_yyyymm, struct nip_info *out)
{
	memset(out, 0, sizeof(*out));
	if (collect_digits(s, n, out->digits))
		return M_NIP_LENGTH;
	const char *d = out->digits;
	out->birth_year = digits_value(d, 4);
	out->birth_month = digits_value(d + 4, 2);
	out->birth_day = digits_value(d + 6, 2);
	if (!date_is_valid(out->birth_year, out->birth_month, out->birth_day))
		return M_NIP_BIRTH_DATE;
	int today_year = today_yyyymm ? today_yyyymm / 100 : 9999;
	if (out->birth_year < 1900 || out->birth_year > today_year)
		return M_NIP_BIRTH_YEAR;

	out->tmt_year = digits_value(d + 8, 4);
	int mm = digits_value(d + 12, 2);
	int appointed_yyyymm;
	if (mm == 21) {
		out->kind = NIP_PPPK;
		/* PPPK was first appointed in 2019 (PP 49/2018). */
		if (out->tmt_year < 2019)
			return M_NIP_PPPK_YEAR;
		appointed_yyyymm = out->tmt_year * 100 + 1;
	} else {
		out->kind = NIP_PNS;
		if (mm < 1 || mm > 12)
			return M_NIP_TMT_MONTH;
		out->tmt_month = mm;
		appointed_yyyymm = out->tmt_year * 100 + mm;
	}
	if (appointed_yyyymm < out->birth_year * 100 + out->birth_month &&
	    (out->kind == NIP_PNS || out->tmt_year < out->birth_year))
		return M_NIP_TMT_BEFORE_BIRTH;
	if (today_yyyymm && appointed_yyyymm > today_yyyymm &&
	    !(out->kind == NIP_PPPK && out->tmt_year == today_year))
		return M_NIP_TMT_FUTURE;

	out->gender = d[14] - '0';
	if (out->gender != 1 && out->gender != 2)
		return M_NIP_GENDER;
	out->seq = digits_value(d + 15, 3);
	if (out->seq == 0)
		return M_NIP_SEQ;
	int tmt_m = out->tmt_month ? out->tmt_month : 1;
	out->age_at_tmt = out->tmt_year - out->birth_year -
			  (tmt_m < out->birth_month ? 1 : 0);
	return 0;
}

void nip_format_display(const struct nip_info *nip, char *out, size_t outsz)
{
	const char *d = nip->digits;
	snprintf(out, outsz, "%.8s %.6s %.1s %.3s", d, d + 8, d + 14, d + 15);
}
