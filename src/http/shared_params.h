/* Parameter allowlists that a page route (web/web_routes.c) and its API
 * twin (api/api_routes.c) accept alike. They live here once, so the web
 * form and the API cannot drift apart and accept different fields; the
 * http layer is the one both route files may see. */
#ifndef WASDAL_HTTP_SHARED_PARAMS_H
#define WASDAL_HTTP_SHARED_PARAMS_H

#include "http/http.h"

/* The reported employee's fields of a citizen report; the web's follow-up
 * form (/lapor/pantau) accepts them too. Sizes match struct laporan_input. */
#define LAPOR_TERLAPOR_FIELDS \
	{ "terlapor_nama", PARAM_FORM, v_line, 127 }, \
	{ "terlapor_nip", PARAM_FORM, v_line, 39 }, \
	{ "terlapor_jabatan", PARAM_FORM, v_line, 159 }, \
	{ "terlapor_instansi", PARAM_FORM, v_line, 159 }

/* A citizen report as a form (POST /lapor, POST /api/v1/laporan as
 * multipart; a JSON body is checked by api/laporan_json.c instead). */
extern const struct route_param laporan_params[];
/* A case transition: the fields data/netralitas/transisi.csv may require
 * and the files "lampiran" (POST /kasus/:nomor/pindah and its API). */
extern const struct route_param kasus_pindah_params[];
/* The public statistics filter (GET /statistik, GET /api/v1/statistik). */
extern const struct route_param statistik_params[];

#endif
