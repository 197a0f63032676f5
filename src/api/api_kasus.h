/* Handlers of the officer case API (api_kasus.c), routed in api_routes.c. */
#ifndef WASDAL_API_API_KASUS_H
#define WASDAL_API_API_KASUS_H

#include "http/http.h"

int api_kasus_list(struct http_req *req, struct http_resp *resp);
int api_kasus_get(struct http_req *req, struct http_resp *resp);
int api_kasus_pindah(struct http_req *req, struct http_resp *resp);
int api_kasus_perpanjang(struct http_req *req, struct http_resp *resp);
int api_kasus_tugaskan(struct http_req *req, struct http_resp *resp);
int api_kasus_tag(struct http_req *req, struct http_resp *resp);
int api_kasus_catatan(struct http_req *req, struct http_resp *resp);

#endif
