/* /kasus/ekspor.csv|.xlsx: the case list (queue) of /kasus as a file, with
 * the queue and tag filter echoed at the top (app/table_export.h). Same
 * rows, same scope and role checks as the page (app/kasus_alur). */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/kasus_tenggat.h"
#include "app/table_export.h"
#include "core/date.h"
#include "core/err.h"
#include "web/export_send.h"
#include "store/store.h"
#include "web/page.h"

/* The store gives a queue in pages of at most this many rows. */
#define EKSPOR_PAGE 1000

struct kex {
	struct http_req *req;
	enum kasus_antrian_jenis j;
	const char *tag;
	struct tabexp *t;
	int32_t today;
	int got;
	struct kasus_kursor last;   /* of the last row written: the next page starts after it */
};

static const char *status_text(struct http_req *req, enum kasus_status_tenggat s)
{
	switch (s) {
	case KASUS_TEPAT: return http_msg(req, M_KSW_ST_TEPAT);
	case KASUS_SEGERA: return http_msg(req, M_KSW_ST_SEGERA);
	case KASUS_TERLAMBAT: return http_msg(req, M_KSW_ST_TERLAMBAT);
	case KASUS_DIJEDA: return http_msg(req, M_KSW_ST_DIJEDA);
	default: return http_msg(req, M_KSW_ST_NONE);
	}
}

static int kex_row(void *ctx, const struct kasus_ringkas *r)
{
	struct kex *x = ctx;
	x->got++;
	kasus_kursor_dari(r, &x->last);
	char due[16] = "";
	if (r->tenggat_hari && r->tenggat_hari != INT32_MAX)
		date_format_iso(r->tenggat_hari, due, sizeof(due));
	char made[16];
	date_format_iso((int32_t)((r->created_ms / 1000 + 7 * 3600) / 86400), made, sizeof(made));
	const char *cells[] = {
		r->nomor, made, r->konteks, r->tahap, due,
		status_text(x->req, kasus_tenggat_status(r->tenggat_hari, x->today)),
		r->terlapor_nama, r->pelanggaran_kode, r->instansi_nama,
	};
	return tabexp_row(x->t, cells);
}

static int kex_fill(struct tabexp *t, void *ctx)
{
	struct kex *x = ctx;
	struct http_req *req = x->req;
	static const enum msg_id names[] = { 0, M_KSW_Q_SAYA, M_KSW_Q_TERLAMBAT, M_KSW_Q_SEGERA,
					     M_KSW_Q_DITUGASKAN, M_KSW_Q_SEMUA };
	const struct tabexp_filter f[] = {
		{ http_msg(req, M_KE_F_ANTRIAN), http_msg(req, names[x->j]) },
		{ http_msg(req, M_KE_F_TAG), x->tag },
		{ http_msg(req, M_KE_F_CAKUPAN), req->principal.scope_path },
	};
	int rc = tabexp_meta(t, http_msg(req, M_KSW_QUEUE_TITLE), f, ARRAY_SIZE(f), 0,
			     http_msg(req, M_DB_MADE), http_msg(req, M_DB_FILTER));
	const char *cols[] = {
		http_msg(req, M_KSW_COL_NOMOR), http_msg(req, M_KE_COL_DIBUAT), http_msg(req, M_DB_F_KONTEKS),
		http_msg(req, M_KSW_COL_TAHAP), http_msg(req, M_KSW_COL_TENGGAT), http_msg(req, M_KE_COL_STATUS),
		http_msg(req, M_KSW_COL_TERLAPOR), http_msg(req, M_DB_COL_PELANGGARAN),
		http_msg(req, M_KSW_COL_INSTANSI),
	};
	if (!rc)
		rc = tabexp_header(t, cols, ARRAY_SIZE(cols), 0);
	x->t = t;
	/* page after page in one read transaction: one snapshot of the queue */
	if (!rc)
		rc = store_tx_begin(req->store, STORE_TX_READ);
	if (rc)
		return rc;
	for (int first = 1; !rc; first = 0) {
		x->got = 0;
		struct kasus_kursor from = x->last;
		rc = kasus_alur_antrian(req->store, &req->principal, x->j, x->tag, x->today, EKSPOR_PAGE,
					first ? NULL : &from, kex_row, x);
		if (x->got < EKSPOR_PAGE)
			break;
	}
	store_tx_rollback(req->store);
	return rc;
}

int page_kasus_ekspor(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!kasus_role_can_read(p->role))
		return APP_EPERM;
	const char *q = http_query(req, "antrian");
	enum kasus_antrian_jenis j = q && *q ? kasus_antrian_parse(q) : KASUS_ANTRIAN_SAYA;
	if (!j)
		return APP_EINVAL;
	const char *tag = http_query(req, "tag");
	struct kex x = { req, j, tag && *tag ? tag : NULL, NULL, kasus_today(), 0, { 0, 0, 0 } };
	int xlsx = strstr(req->path, ".xlsx") != NULL;
	return export_send(req, resp, xlsx ? TABEXP_XLSX : TABEXP_CSV,
			   http_printf(req, "kasus-%s", kasus_antrian_name(j)), "kasus", kex_fill, &x);
}
