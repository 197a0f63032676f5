#include "core/compat.h"
#include "cmd/cmd.h"
#include "app/nip.h"
#include "core/jsonw.h"
#include <time.h>

static int today_yyyymm(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

static void print_text(const char *arg, int rc, const struct nip_info *n)
{
	if (rc) {
		printf("%s: %s: %s\n", arg, msgc(M_NIP_INVALID), msgc(rc));
		return;
	}
	char disp[32];
	nip_format_display(n, disp, sizeof(disp));
	printf("%s: %s\n", disp, msgc(M_NIP_VALID));
	printf("  %-24s %s\n", msgc(M_NIP_FIELD_KIND),
	       msgc(n->kind == NIP_PPPK ? M_NIP_KIND_PPPK : M_NIP_KIND_PNS));
	printf("  %-24s %04d-%02d-%02d\n", msgc(M_NIP_FIELD_BIRTH),
	       n->birth_year, n->birth_month, n->birth_day);
	if (n->kind == NIP_PPPK)
		printf("  %-24s %04d\n", msgc(M_NIP_FIELD_TMT_PPPK), n->tmt_year);
	else
		printf("  %-24s %04d-%02d\n", msgc(M_NIP_FIELD_TMT), n->tmt_year, n->tmt_month);
	printf("  %-24s %s\n", msgc(M_NIP_FIELD_GENDER),
	       msgc(n->gender == 1 ? M_NIP_MALE : M_NIP_FEMALE));
	printf("  %-24s %03d\n", msgc(M_NIP_FIELD_SEQ), n->seq);
	if (n->age_at_tmt < 18)
		printf("  %s\n", msgc(M_NIP_UNDER_18));
}

static void add_json(struct jsonw *w, const char *arg, int rc, const struct nip_info *n)
{
	char tmp[32];
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "input", arg);
	jsonw_kv_bool(w, "valid", rc == 0);
	if (rc) {
		jsonw_kv_str(w, "reason", msg(rc, LANG_ID));
		jsonw_kv_str(w, "reason_en", msg(rc, LANG_EN));
		jsonw_obj_end(w);
		return;
	}
	jsonw_kv_str(w, "nip", n->digits);
	nip_format_display(n, tmp, sizeof(tmp));
	jsonw_kv_str(w, "display", tmp);
	jsonw_kv_str(w, "kind", n->kind == NIP_PPPK ? "PPPK" : "PNS");
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", n->birth_year, n->birth_month, n->birth_day);
	jsonw_kv_str(w, "tanggal_lahir", tmp);
	if (n->kind == NIP_PPPK)
		snprintf(tmp, sizeof(tmp), "%04d", n->tmt_year);
	else
		snprintf(tmp, sizeof(tmp), "%04d-%02d", n->tmt_year, n->tmt_month);
	jsonw_kv_str(w, "tmt", tmp);
	jsonw_kv_str(w, "jenis_kelamin", n->gender == 1 ? "L" : "P");
	jsonw_kv_int(w, "nomor_urut", n->seq);
	jsonw_kv_int(w, "usia_saat_tmt", n->age_at_tmt);
	jsonw_obj_end(w);
}

int cmd_nip(int argc, char **argv)
{
	int json = 0, first = 1;
	while (first < argc && argv[first][0] == '-' && argv[first][1] == '-') {
		if (!strcmp(argv[first], "--json")) {
			json = 1;
		} else if (!strcmp(argv[first], "--")) {
			first++;
			break;
		} else {
			cmd_error(M_UNKNOWN_OPTION, argv[first]);
			return cmd_usage("nip");
		}
		first++;
	}
	if (first >= argc)
		return cmd_usage("nip");

	int today = today_yyyymm(), all_valid = 1;
	struct buf out;
	struct jsonw w;
	buf_init(&out, BUF_NOLIMIT);
	jsonw_init(&w, &out);
	if (json)
		jsonw_arr_begin(&w);
	for (int i = first; i < argc; i++) {
		struct nip_info n;
		int rc = nip_parse(argv[i], strlen(argv[i]), today, &n);
		if (rc)
			all_valid = 0;
		if (json)
			add_json(&w, argv[i], rc, &n);
		else
			print_text(argv[i], rc, &n);
	}
	if (json) {
		jsonw_arr_end(&w);
		printf("%s\n", out.ptr);
	}
	buf_release(&out);
	return all_valid ? EXIT_OK : EXIT_CHECK_FAILED;
}
