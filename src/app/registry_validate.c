/* Field validation of an employee record, without the database (so the
 * fuzz target and the form can use it alone). Rules and sources are listed
 * in docs/registry.md; reference lists come from app/reference.c. */
#include "core/compat.h"
#include "app/registry.h"
#include "app/nip.h"
#include "app/reference.h"
#include "core/csv.h"
#include "core/err.h"
#include <ctype.h>
#include <strings.h>

void field_errors_add(struct field_errors *fe, const char *field, enum msg_id m)
{
	if (fe->n < REGISTRY_MAX_FIELD_ERRORS) {
		fe->e[fe->n].field = field;
		fe->e[fe->n].msg = m;
		fe->n++;
	}
}

/* Trim ASCII spaces/tabs at both ends: the [start, start+len) view. */
static const char *trim(const char *s, size_t *len)
{
	if (!s) {
		*len = 0;
		return "";
	}
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	*len = n;
	return s;
}

/* Copy a trimmed text field into dst[cap]: required or optional, valid
 * UTF-8 without control characters. Returns 0 when fine (empty allowed
 * when !required), else adds the error and returns -1. */
static int text_field(const char *in, char *dst, size_t cap, const char *field,
		      enum msg_id required_msg, struct field_errors *fe)
{
	size_t n;
	const char *s = trim(in, &n);
	dst[0] = '\0';
	if (n == 0) {
		if (required_msg) {
			field_errors_add(fe, field, required_msg);
			return -1;
		}
		return 0;
	}
	if (n >= cap) {
		field_errors_add(fe, field, M_REG_TEXT_TOO_LONG);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			field_errors_add(fe, field, M_REG_TEXT_INVALID);
			return -1;
		}
	if (!csv_utf8_valid(s, n)) {
		field_errors_add(fe, field, M_REG_TEXT_INVALID);
		return -1;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

/* Copy a reference value (always short) into a record field. */
static void set_str(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src, cap - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

int registry_validate(const struct pegawai_input *in, int today_yyyymm,
		      struct pegawai *out, struct field_errors *fe)
{
	int before = fe->n;
	char tmp[64];

	/* jenis_asn first: the NIP and golongan depend on it */
	int jenis_ok = 0;
	if (text_field(in->jenis_asn, tmp, sizeof(tmp), "jenis_asn", M_REG_JENIS_ASN, fe) == 0) {
		if (!strcasecmp(tmp, "PNS") || !strcasecmp(tmp, "PPPK")) {
			snprintf(out->jenis_asn, sizeof(out->jenis_asn), "%s",
				 !strcasecmp(tmp, "PNS") ? "PNS" : "PPPK");
			jenis_ok = 1;
		} else {
			field_errors_add(fe, "jenis_asn", M_REG_JENIS_ASN);
		}
	}

	size_t nlen;
	const char *nip = trim(in->nip, &nlen);
	struct nip_info ni;
	if (nlen == 0) {
		field_errors_add(fe, "nip", M_REG_NIP_REQUIRED);
	} else {
		int m = nip_parse(nip, nlen, today_yyyymm, &ni);
		if (m) {
			field_errors_add(fe, "nip", (enum msg_id)m);
		} else {
			set_str(out->nip, sizeof(out->nip), ni.digits);
			if (jenis_ok && ni.kind == NIP_PPPK && !strcmp(out->jenis_asn, "PNS"))
				field_errors_add(fe, "nip", M_REG_NIP_NOT_PNS);
			else if (jenis_ok && ni.kind == NIP_PNS && !strcmp(out->jenis_asn, "PPPK"))
				field_errors_add(fe, "nip", M_REG_NIP_NOT_PPPK);
		}
	}

	text_field(in->nama, out->nama, sizeof(out->nama), "nama", M_REG_NAMA_REQUIRED, fe);

	if (text_field(in->golongan, tmp, sizeof(tmp), "golongan", M_REG_GOLONGAN_REQUIRED, fe) == 0 &&
	    jenis_ok) {
		const struct ref_golongan *g = ref_golongan_find(out->jenis_asn, tmp);
		if (g)
			set_str(out->golongan, sizeof(out->golongan), g->golongan);
		else
			field_errors_add(fe, "golongan", !strcmp(out->jenis_asn, "PNS")
						 ? M_REG_GOLONGAN_PNS : M_REG_GOLONGAN_PPPK);
	}

	const struct ref_item *jab = NULL;
	if (text_field(in->jenis_jabatan, tmp, sizeof(tmp), "jenis_jabatan", M_REG_JENIS_JABATAN,
		       fe) == 0) {
		jab = ref_jabatan_find(tmp);
		if (jab)
			set_str(out->jenis_jabatan, sizeof(out->jenis_jabatan), jab->kode);
		else
			field_errors_add(fe, "jenis_jabatan", M_REG_JENIS_JABATAN);
	}

	out->jenjang[0] = '\0';
	if (text_field(in->jenjang, tmp, sizeof(tmp), "jenjang", 0, fe) == 0) {
		lower(tmp);
		if (jab && jab->flag && !tmp[0]) {
			field_errors_add(fe, "jenjang", M_REG_JENJANG_REQUIRED);
		} else if (tmp[0]) {
			const struct ref_item *j = ref_jenjang_find(tmp);
			if (!j)
				field_errors_add(fe, "jenjang", M_REG_JENJANG_UNKNOWN);
			else if (jab && !jab->flag)
				field_errors_add(fe, "jenjang", M_REG_JENJANG_NOT_ALLOWED);
			else
				set_str(out->jenjang, sizeof(out->jenjang), j->kode);
		}
	}

	text_field(in->jabatan, out->jabatan, sizeof(out->jabatan), "jabatan",
		   M_REG_JABATAN_REQUIRED, fe);

	if (text_field(in->status, tmp, sizeof(tmp), "status", 0, fe) == 0) {
		if (!tmp[0]) {
			snprintf(out->status, sizeof(out->status), "aktif");
		} else {
			const struct ref_item *st = ref_status_find(tmp);
			if (st)
				set_str(out->status, sizeof(out->status), st->kode);
			else
				field_errors_add(fe, "status", M_REG_STATUS);
		}
	}

	/* presence only: existence and scope need the store */
	size_t klen;
	trim(in->instansi_kode, &klen);
	if (klen == 0)
		field_errors_add(fe, "instansi_kode", M_REG_INSTANSI_REQUIRED);
	else if (klen >= sizeof(((struct instansi *)0)->kode))
		field_errors_add(fe, "instansi_kode", M_REG_TEXT_TOO_LONG);
	trim(in->unit_kode, &klen);
	if (klen >= sizeof(((struct unit_kerja *)0)->kode))
		field_errors_add(fe, "unit_kode", M_REG_TEXT_TOO_LONG);
	trim(in->unit_nama, &klen);
	if (klen >= sizeof(((struct unit_kerja *)0)->nama))
		field_errors_add(fe, "unit_nama", M_REG_TEXT_TOO_LONG);

	return fe->n > before ? APP_EINVAL : 0;
}
