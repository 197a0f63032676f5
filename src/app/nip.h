/* NIP (Nomor Induk Pegawai, Perka BKN 22/2007) and NI PPPK parsing.
 *
 * PNS NIP, 18 digits: YYYYMMDD (birth) YYYYMM (TMT CPNS) G (1 male,
 * 2 female) NNN (nomor urut, from 001). Display form groups 8-6-1-3.
 * NI PPPK (graded C in rules.md §6, so kept apart and documented): YYYYMMDD
 * (birth) YYYY (year of appointment) "21" G NNN. The "21" sits where a PNS
 * NIP has its TMT month, which can never be 21, so the two never collide. */
#ifndef WASDAL_APP_NIP_H
#define WASDAL_APP_NIP_H

#include <stddef.h>
#include "core/msg.h"
#include "core/date.h"

enum nip_kind { NIP_PNS = 1, NIP_PPPK = 2 };

struct nip_info {
	char digits[19];       /* the 18 digits, NUL-terminated */
	enum nip_kind kind;
	int birth_year, birth_month, birth_day;
	int tmt_year, tmt_month; /* tmt_month is 0 for NI PPPK (year only) */
	int gender;            /* 1 pria, 2 wanita */
	int seq;
	int age_at_tmt;        /* whole years at TMT; a warning under 18 */
};

/* Parse and validate s[0..n). Accepts 18 contiguous digits or the spaced
 * display form "19660801 198803 1 001". today_yyyymm (e.g. 202611) rejects
 * an appointment in the future; pass 0 to skip that check.
 * Returns 0, or the catalogue id of the first reason it is invalid. */
int nip_parse(const char *s, size_t n, int today_yyyymm, struct nip_info *out);

/* "19660801 198803 1 001" into out (at least 22 bytes). */
void nip_format_display(const struct nip_info *nip, char *out, size_t outsz);

#endif
