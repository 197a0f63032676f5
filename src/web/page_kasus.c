/* Officer case pages: the queues (menunggu tindakan saya, overdue, due
 * soon, assigned, all), one case with its stage, due date, legal basis and
 * grade, the transitions the workflow offers the user's role with their
 * required fields, history, sanctions, files, tags and internal notes, and
 * the forms that act on it. Every form works without JavaScript and
 * carries the CSRF token; scope and roles are enforced in app/kasus_alur. */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/laporan.h"
#include "core/date.h"
#include <time.h>
#include "core/err.h"
#include "http/http.h"
#include "web/page.h"

static const char *day_text(struct http_req *req, int32_t d)
{
	if (!d || d == INT32_MAX)
		return "-";
	char iso[16];
	date_format_iso(d, iso, sizeof(iso));
	return http_strdup(req, iso);
}

static enum msg_id status_msg(enum kasus_status_tenggat s)
{
	switch (s) {
	case KASUS_TEPAT: return M_KSW_ST_TEPAT;
	case KASUS_SEGERA: return M_KSW_ST_SEGERA;
	case KASUS_TERLAMBAT: return M_KSW_ST_TERLAMBAT;
	case KASUS_DIJEDA: return M_KSW_ST_DIJEDA;
	default: return M_KSW_ST_NONE;
	}
}

static void case_link(struct html *h, const char *nomor)
{
	html_raw(h, "<a");
	html_url_begin(h, "href", "/kasus/");
	html_url_seg(h, nomor);
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, nomor);
	html_raw(h, "</a>");
}

/* ---- queues ---- */

/* Cases per queue page; the store is asked for one more to know whether
 * a next page exists. */
#define QUEUE_PAGE 200

struct queue_ctx {
	struct page *pg;
	int32_t today;
	int n;
	struct kasus_kursor last;   /* of the last row shown */
};

static int queue_row(void *ctx, const struct kasus_ringkas *r)
{
	struct queue_ctx *c = ctx;
	struct html *h = &c->pg->h;
	if (c->n == QUEUE_PAGE) {
		c->n++;             /* one past the page: there is a next page */
		return 0;
	}
	kasus_kursor_dari(r, &c->last);
	enum kasus_status_tenggat st = kasus_tenggat_status(r->tenggat_hari, c->today);
	html_raw(h, "<tr><td>");
	case_link(h, r->nomor);
	html_raw(h, "</td><td>");
	html_text(h, r->tahap);
	html_raw(h, "</td><td>");
	html_text(h, day_text(c->pg->req, r->tenggat_hari));
	html_raw(h, " <span class=\"badge\">");
	html_text(h, page_t(c->pg, status_msg(st)));
	html_raw(h, "</span></td><td>");
	html_text(h, r->terlapor_nama);
	html_raw(h, "</td><td>");
	html_text(h, r->instansi_nama);
	html_raw(h, "</td></tr>");
	c->n++;
	return 0;
}

int page_kasus_list(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!kasus_role_can_read(p->role))
		return APP_EPERM;
	const char *q = http_query(req, "antrian");
	enum kasus_antrian_jenis j = q && *q ? kasus_antrian_parse(q) : KASUS_ANTRIAN_SAYA;
	if (!j)
		return APP_EINVAL;
	const char *after = http_query(req, "sesudah");
	struct kasus_kursor kursor;
	if (after && *after && kasus_kursor_baca(after, &kursor))
		return APP_EINVAL;
	static const enum msg_id names[] = { 0, M_KSW_Q_SAYA, M_KSW_Q_TERLAMBAT, M_KSW_Q_SEGERA,
					     M_KSW_Q_DITUGASKAN, M_KSW_Q_SEMUA };
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_KSW_QUEUE_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<nav aria-label=\"antrian\"><ul class=\"tabs\">");
	for (int i = KASUS_ANTRIAN_SAYA; i <= KASUS_ANTRIAN_SEMUA; i++) {
		html_raw(h, "<li><a");
		html_url_begin(h, "href", "/kasus");
		html_url_arg(h, "antrian", kasus_antrian_name((enum kasus_antrian_jenis)i));
		html_url_end(h);
		if ((int)j == i)
			html_raw(h, " aria-current=\"page\"");
		html_raw(h, ">");
		html_text(h, page_t(&pg, names[i]));
		html_raw(h, "</a></li>");
	}
	html_raw(h, "</ul></nav><p><a href=\"/alur\">");
	html_text(h, page_t(&pg, M_KSW_ALUR_LINK));
	html_raw(h, "</a></p><h2>");
	html_text(h, page_t(&pg, names[j]));
	html_raw(h, "</h2><p class=\"export\">");
	html_text(h, page_t(&pg, M_KE_EXPORT));
	html_raw(h, ": <a");
	html_url_begin(h, "href", "/kasus/ekspor.csv");
	html_url_arg(h, "antrian", kasus_antrian_name(j));
	html_url_arg(h, "tag", http_query(req, "tag"));
	html_url_end(h);
	html_raw(h, " download>CSV</a> \xC2\xB7 <a");
	html_url_begin(h, "href", "/kasus/ekspor.xlsx");
	html_url_arg(h, "antrian", kasus_antrian_name(j));
	html_url_arg(h, "tag", http_query(req, "tag"));
	html_url_end(h);
	html_raw(h, " download>XLSX</a></p><div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
	static const enum msg_id cols[] = { M_KSW_COL_NOMOR, M_KSW_COL_TAHAP, M_KSW_COL_TENGGAT,
					    M_KSW_COL_TERLAPOR, M_KSW_COL_INSTANSI };
	page_th_cols(&pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	struct queue_ctx c = { &pg, kasus_today(), 0, { 0, 0, 0 } };
	int rc = kasus_alur_antrian(req->store, p, j, http_query(req, "tag"), c.today, QUEUE_PAGE + 1,
				    after && *after ? &kursor : NULL, queue_row, &c);
	if (rc)
		return rc;
	if (!c.n) {
		html_raw(h, "<tr><td colspan=\"5\">");
		html_text(h, page_t(&pg, M_KSW_NONE));
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div>");
	/* keyset paging with plain links: works without JavaScript */
	if (c.n > QUEUE_PAGE || (after && *after)) {
		html_raw(h, "<nav class=\"pager\"");
		html_attr(h, "aria-label", page_t(&pg, M_KSW_PAGER));
		html_raw(h, "><ul>");
		if (after && *after) {
			html_raw(h, "<li><a");
			html_url_begin(h, "href", "/kasus");
			html_url_arg(h, "antrian", kasus_antrian_name(j));
			html_url_arg(h, "tag", http_query(req, "tag"));
			html_url_end(h);
			html_raw(h, ">");
			html_text(h, page_t(&pg, M_KSW_PAGE_FIRST));
			html_raw(h, "</a></li>");
		}
		if (c.n > QUEUE_PAGE) {
			char t[KASUS_KURSOR_TEKS];
			kasus_kursor_teks(&c.last, t);
			html_raw(h, "<li><a rel=\"next\"");
			html_url_begin(h, "href", "/kasus");
			html_url_arg(h, "antrian", kasus_antrian_name(j));
			html_url_arg(h, "tag", http_query(req, "tag"));
			html_url_arg(h, "sesudah", t);
			html_url_end(h);
			html_raw(h, ">");
			html_text(h, page_t(&pg, M_KSW_PAGE_NEXT));
			html_raw(h, "</a></li>");
		}
		html_raw(h, "</ul></nav>");
	}
	return page_end(&pg);
}

/* ---- one case ---- */

static void row(struct page *pg, enum msg_id label, const char *value)
{
	struct html *h = &pg->h;
	html_raw(h, "<tr><th scope=\"row\">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</th><td>");
	html_text(h, value);
	html_raw(h, "</td></tr>");
}

static void form_open(struct page *pg, const char *nomor, const char *action, int multipart)
{
	struct html *h = &pg->h;
	html_raw(h, "<form class=\"card\" method=\"post\"");
	if (multipart)
		html_raw(h, " enctype=\"multipart/form-data\"");
	html_url_begin(h, "action", "/kasus/");
	html_url_seg(h, nomor);
	html_raw(h, "/");
	html_url_seg(h, action);
	html_url_end(h);
	html_raw(h, ">");
	page_csrf(pg);
}

static enum msg_id field_label(const char *f)
{
	static const struct { const char *n; enum msg_id m; } t[] = {
		{ "kekurangan", M_KSW_F_KEKURANGAN }, { "alasan", M_KSW_F_ALASAN },
		{ "hasil_kajian", M_KSW_F_HASIL }, { "jenis_pelanggaran", M_KSW_F_PELANGGARAN },
		{ "tingkat_sanksi", M_KSW_F_TINGKAT }, { "nomor_rekomendasi", M_KSW_F_NOREK },
		{ "jenis_hukuman", M_KSW_F_HUKUMAN }, { "nomor_sk", M_KSW_F_NOSK },
		{ "tanggal_sk", M_KSW_F_TGLSK },
	};
	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (!strcmp(t[i].n, f))
			return t[i].m;
	return M_KSW_ISIAN;
}

static void transition_form(struct page *pg, const struct kasus *k, const struct workflow *wf,
			    const struct wf_transition *t, size_t idx)
{
	struct html *h = &pg->h;
	struct http_req *req = pg->req;
	const struct wf_stage *st = workflow_stage(wf, t->to, k->konteks);
	form_open(pg, k->nomor, "pindah", 1);
	html_raw(h, "<h3>");
	html_text(h, page_tf(pg, M_KSW_PINDAH_KE, st ? st->name_id : t->to));
	html_raw(h, "</h3>");
	if (t->note[0]) {
		html_raw(h, "<p>");
		html_text(h, t->note);
		html_raw(h, "</p>");
	}
	html_raw(h, "<input type=\"hidden\" name=\"ke\"");
	html_attr(h, "value", t->to);
	html_raw(h, ">");
	for (size_t i = 0; i < t->nrequired; i++) {
		const char *f = t->required[i];
		const char *id = http_printf(req, "t%zu-%s", idx, f);
		html_raw(h, "<p><label");
		html_attr(h, "for", id);
		html_raw(h, ">");
		html_text(h, page_t(pg, field_label(f)));
		html_raw(h, " <code>");
		html_text(h, f);
		html_raw(h, "</code></label><br>");
		if (!strcmp(f, "tingkat_sanksi") || !strcmp(f, "jenis_hukuman")) {
			html_raw(h, "<select required");
			html_attr(h, "id", id);
			html_attr(h, "name", f);
			html_raw(h, ">");
			if (!strcmp(f, "tingkat_sanksi")) {
				for (int l = SANCTION_MORAL; l <= SANCTION_PTDH; l++) {
					html_raw(h, "<option");
					html_attr(h, "value", sanction_level_name((enum sanction_level)l));
					html_raw(h, ">");
					html_text(h, sanction_level_name((enum sanction_level)l));
					html_raw(h, "</option>");
				}
			} else {
				const struct sanction_type *ty;
				size_t n = kasus_sanction_types(&ty);
				for (size_t j = 0; j < n; j++) {
					html_raw(h, "<option");
					html_attr(h, "value", ty[j].code);
					html_raw(h, ">");
					html_textf(h, "%s (%s) - %s", ty[j].description,
						   sanction_level_name(ty[j].level), ty[j].legal_basis);
					html_raw(h, "</option>");
				}
			}
			html_raw(h, "</select></p>");
		} else if (!strcmp(f, "hasil_kajian") || !strcmp(f, "alasan") || !strcmp(f, "kekurangan")) {
			html_raw(h, "<textarea required rows=\"3\"");
			html_attr(h, "id", id);
			html_attr(h, "name", f);
			html_raw(h, "></textarea></p>");
		} else {
			html_raw(h, "<input required");
			html_attr(h, "type", !strcmp(f, "tanggal_sk") ? "date" : "text");
			html_attr(h, "id", id);
			html_attr(h, "name", f);
			html_raw(h, "></p>");
		}
	}
	const char *lid = http_printf(req, "t%zu-lampiran", idx);
	html_raw(h, "<p><label");
	html_attr(h, "for", lid);
	html_raw(h, ">");
	html_text(h, page_t(pg, M_KSW_LAMPIRAN));
	html_raw(h, "</label><br><input type=\"file\" name=\"lampiran\" multiple");
	html_attr(h, "id", lid);
	html_raw(h, "></p><button type=\"submit\">");
	html_text(h, page_t(pg, M_KSW_KIRIM));
	html_raw(h, "</button></form>");
}

struct hist_ctx {
	struct page *pg;
};

static int hist_row(void *ctx, const struct kasus_langkah *l)
{
	struct page *pg = ((struct hist_ctx *)ctx)->pg;
	struct html *h = &pg->h;
	char ts[32];
	time_t t = (time_t)(l->created_ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%d %H:%M UTC", &tm);
	html_raw(h, "<tr><td>");
	html_text(h, ts);
	html_raw(h, "</td><td>");
	html_textf(h, "%s -> %s", l->dari, l->ke);
	html_raw(h, "</td><td>");
	html_textf(h, "%s (%s)", l->aktor, l->peran);
	html_raw(h, "</td><td><code>");
	html_text(h, l->isian);
	html_raw(h, "</code></td><td>");
	html_text(h, day_text(pg->req, l->tenggat_hari));
	html_raw(h, "</td></tr>");
	return 0;
}

static int sanksi_row(void *ctx, const struct kasus_sanksi *x)
{
	struct page *pg = ((struct hist_ctx *)ctx)->pg;
	struct html *h = &pg->h;
	html_raw(h, "<li>");
	html_textf(h, "%s (%s), SK %s tanggal %s; ", x->jenis, x->tingkat, x->nomor_sk,
		   day_text(pg->req, x->tanggal_sk));
	html_text(h, page_t(pg, M_KSW_REKOMENDASI));
	html_textf(h, ": %s", x->rekomendasi[0] ? x->rekomendasi : "-");
	if (x->flags & SANCTION_LIGHTER_THAN_RECOMMENDED) {
		html_raw(h, " <strong class=\"flag\">");
		html_text(h, page_t(pg, M_KS_SANKSI_LIGHTER));
		html_raw(h, "</strong>");
	}
	if (x->flags & SANCTION_REPEAT_NOT_HEAVIER) {
		html_raw(h, " <strong class=\"flag\">");
		html_text(h, page_t(pg, M_KS_SANKSI_REPEAT));
		html_raw(h, "</strong>");
	}
	html_raw(h, "</li>");
	return 0;
}

static int catatan_row(void *ctx, const struct kasus_catatan *c)
{
	struct html *h = &((struct hist_ctx *)ctx)->pg->h;
	html_raw(h, "<li><strong>");
	html_text(h, c->aktor);
	html_raw(h, ":</strong> ");
	html_text(h, c->teks);
	html_raw(h, "</li>");
	return 0;
}

static int render(struct http_req *req, struct http_resp *resp, int status, const char *nomor,
		  const char *notice_ok, const char *notice_err)
{
	const struct principal *p = &req->principal;
	struct kasus *k = http_alloc(req, sizeof(*k));
	int rc = kasus_alur_get(req->store, p, nomor, k);
	if (rc)
		return rc;
	struct workflow wf;
	if ((rc = kasus_workflow_active(req->store, &wf)))
		return rc;
	struct kasus_posisi pos;
	if ((rc = kasus_alur_posisi(req->store, &wf, k, kasus_today(), &pos))) {
		workflow_release(&wf);
		return rc;
	}
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_tf(&pg, M_KSW_DETAIL_TITLE, k->nomor));
	struct html *h = &pg.h;
	if (notice_ok)
		page_notice(&pg, "ok", notice_ok);
	if (notice_err)
		page_notice(&pg, "error", notice_err);
	html_raw(h, "<table class=\"record\"><tbody>");
	row(&pg, M_KSW_COL_TAHAP, http_printf(req, "%s (%s)", pos.t.stage->name_id, k->tahap));
	row(&pg, M_KSW_PEMILIK, role_name(pos.t.stage->owner));
	row(&pg, M_KSW_COL_TENGGAT, pos.t.ada
	    ? http_printf(req, "%s (%d %s) - %s", day_text(req, pos.t.jatuh_tempo), pos.t.hari,
			  pos.t.satuan == DEADLINE_WORKING_DAYS ? "hari kerja" : "hari",
			  page_t(&pg, status_msg(pos.status)))
	    : page_t(&pg, status_msg(pos.status)));
	row(&pg, M_KSW_DASAR, pos.t.stage->legal_basis);
	row(&pg, M_KSW_GRADE, http_printf(req, "%s %s", pos.t.stage->grade, pos.t.stage->note));
	row(&pg, M_KSW_COL_TERLAPOR, http_printf(req, "%s %s %s, %s", k->terlapor_nama,
						 k->terlapor_nip, k->terlapor_jabatan,
						 k->terlapor_instansi));
	row(&pg, M_KSW_PELANGGARAN, k->pelanggaran_kode);
	row(&pg, M_KSW_KRONOLOGI, k->kronologi);
	if (k->kekurangan[0])
		row(&pg, M_KSW_KEKURANGAN, k->kekurangan);
	html_raw(h, "</tbody></table>");
	if (!pos.t.kalender_lengkap)
		page_notice(&pg, "error", page_t(&pg, M_KSW_KALENDER));
	if (k->terlapor_nip[0] && k->pegawai_id) {
		html_raw(h, "<p><a");
		html_url_begin(h, "href", "/pegawai/");
		html_url_seg(h, k->terlapor_nip);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_KSW_LIHAT_PEGAWAI));
		html_raw(h, "</a></p>");
	}

	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_TINDAKAN));
	html_raw(h, "</h2>");
	const struct wf_transition *next[32];
	size_t nn = workflow_next(&wf, k->tahap, p->role, next, ARRAY_SIZE(next));
	if (!nn) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_KSW_TINDAKAN_NONE));
		html_raw(h, "</p>");
	}
	for (size_t i = 0; i < nn; i++)
		transition_form(&pg, k, &wf, next[i], i);
	if (pos.bisa_diperpanjang && (p->role == pos.t.stage->owner || p->role == ROLE_ADMIN)) {
		form_open(&pg, k->nomor, "perpanjang", 0);
		html_raw(h, "<h3>");
		html_text(h, page_t(&pg, M_KSW_PERPANJANG));
		html_raw(h, "</h3>");
		page_input(&pg, "alasan", M_KSW_ALASAN, "text", "", 0, "off");
		html_raw(h, "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_KSW_KIRIM));
		html_raw(h, "</button></form>");
	}
	workflow_release(&wf);

	struct hist_ctx hc = { &pg };
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_SANKSI));
	html_raw(h, "</h2><ul>");
	rc = store_kasus_sanksi_list(req->store, k->id, 0, sanksi_row, &hc);
	html_raw(h, "</ul>");

	if (kasus_role_sees_evidence(p->role)) {
		struct kasus_bukti files[32];
		size_t nf = 0;
		if (!rc)
			rc = store_kasus_bukti_list(req->store, k->id, files, ARRAY_SIZE(files), &nf);
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, M_KSW_BUKTI));
		html_raw(h, "</h2><ul>");
		for (size_t i = 0; i < nf; i++) {
			html_raw(h, "<li><a");
			html_url_begin(h, "href", "/api/v1/laporan/");
			html_url_seg(h, k->nomor);
			html_raw(h, "/bukti/");
			html_url_seg(h, http_printf(req, "%lld", (long long)files[i].id));
			html_url_end(h);
			html_raw(h, " download>");
			html_textf(h, "%s (%s, %lld byte, %s)", files[i].nama_berkas[0] ? files[i].nama_berkas
				   : files[i].sha256, files[i].mime, (long long)files[i].ukuran, files[i].oleh);
			html_raw(h, "</a></li>");
		}
		if (!nf) {
			html_raw(h, "<li>");
			html_text(h, page_t(&pg, M_KSW_BUKTI_NONE));
			html_raw(h, "</li>");
		}
		html_raw(h, "</ul>");
	}

	if (kasus_role_sees_evidence(p->role)) {
		struct kasus_pesan *msgs = http_alloc(req, 50 * sizeof(*msgs));
		size_t nm = 0;
		if (!rc)
			rc = store_kasus_pesan_list(req->store, k->id, msgs, 50, &nm);
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, M_KSW_PESAN));
		html_raw(h, "</h2><ul class=\"pesan\">");
		for (size_t i = 0; i < nm; i++) {
			html_raw(h, "<li><strong>");
			html_text(h, strcmp(msgs[i].dari, "pelapor") ? msgs[i].petugas_nama
				  : page_t(&pg, M_KSW_PESAN_PELAPOR));
			html_raw(h, ":</strong> ");
			html_text(h, msgs[i].isi);
			html_raw(h, "</li>");
		}
		if (!nm) {
			html_raw(h, "<li>");
			html_text(h, page_t(&pg, M_KSW_PESAN_NONE));
			html_raw(h, "</li>");
		}
		html_raw(h, "</ul>");
		if (p->role != ROLE_AUDITOR) {
			form_open(&pg, k->nomor, "pesan", 0);
			html_raw(h, "<p><label for=\"isi\">");
			html_text(h, page_t(&pg, M_KSW_PESAN_TULIS));
			html_raw(h, "</label><br><textarea id=\"isi\" name=\"isi\" rows=\"3\" required></textarea></p>"
				    "<button type=\"submit\">");
			html_text(h, page_t(&pg, M_KSW_KIRIM));
			html_raw(h, "</button></form>");
		}
	}

	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_RIWAYAT));
	html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
	static const enum msg_id cols[] = { M_KSW_WAKTU, M_KSW_COL_TAHAP, M_KSW_OLEH, M_KSW_ISIAN,
					    M_KSW_COL_TENGGAT };
	page_th_cols(&pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	if (!rc)
		rc = store_kasus_langkah_list(req->store, k->id, hist_row, &hc);
	html_raw(h, "</tbody></table></div>");

	char tags[16][40];
	size_t nt = 0;
	if (!rc)
		rc = store_kasus_tag_list(req->store, k->id, tags, 16, &nt);
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_TAG));
	html_raw(h, "</h2><p>");
	for (size_t i = 0; i < nt; i++) {
		html_raw(h, "<span class=\"badge\">");
		html_text(h, tags[i]);
		html_raw(h, "</span> ");
	}
	html_raw(h, "</p>");
	int worker = p->role != ROLE_AUDITOR && p->role != ROLE_CUSTODIAN;
	if (worker) {
		form_open(&pg, k->nomor, "tag", 0);
		page_input(&pg, "tag", M_KSW_TAG_ADD, "text", "", 0, "off");
		html_raw(h, "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_KSW_KIRIM));
		html_raw(h, "</button></form>");
	}
	if (p->role == ROLE_ADMIN || p->role == ROLE_BKN || p->role == ROLE_BAWASLU) {
		form_open(&pg, k->nomor, "tugaskan", 0);
		page_input(&pg, "petugas", M_KSW_PETUGAS, "text", "", 0, "off");
		html_raw(h, "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_KSW_KIRIM));
		html_raw(h, "</button></form>");
	}
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_CATATAN));
	html_raw(h, "</h2><ul>");
	if (!rc)
		rc = store_kasus_catatan_list(req->store, k->id, catatan_row, &hc);
	html_raw(h, "</ul>");
	if (worker) {
		form_open(&pg, k->nomor, "catatan", 0);
		html_raw(h, "<p><label for=\"teks\">");
		html_text(h, page_t(&pg, M_KSW_CATATAN));
		html_raw(h, "</label><br><textarea id=\"teks\" name=\"teks\" rows=\"3\" required></textarea></p>"
			    "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_KSW_KIRIM));
		html_raw(h, "</button></form>");
	}
	if (rc)
		return rc;
	return page_end(&pg);
}

int page_kasus_detail(struct http_req *req, struct http_resp *resp)
{
	const char *ok = http_query(req, "disimpan");
	return render(req, resp, 200, http_path_param(req, "nomor"),
		      ok && !strcmp(ok, "1") ? http_msg(req, M_KSW_SAVED) : NULL, NULL);
}

/* After a POST: back to the case (303) on success, else the case page
 * again with the reason (422/403/409), so the form works without JS. */
static int done(struct http_req *req, struct http_resp *resp, int rc, const char *field,
		enum msg_id why)
{
	const char *nomor = http_path_param(req, "nomor");
	if (!rc) {
		struct buf b;
		buf_init(&b, 512);
		if (buf_adds(&b, "/kasus/") || url_encode(&b, nomor) || buf_adds(&b, "?disimpan=1")) {
			buf_release(&b);
			return APP_EINTERNAL;
		}
		http_redirect(req, resp, http_strdup(req, b.ptr));
		buf_release(&b);
		return 0;
	}
	if (rc == APP_ENOTFOUND || (rc != APP_EINVAL && rc != APP_EPERM && rc != APP_ECONFLICT &&
				    rc != APP_ETOOBIG))
		return rc;
	const char *text = page_tf(&(struct page){ .req = req }, M_KSW_FORM_ERROR,
				   why ? http_msg(req, why) : app_err_name(rc), field ? field : "-");
	return render(req, resp, rc == APP_EPERM ? 403 : rc == APP_ECONFLICT ? 409 : 422, nomor,
		      NULL, text);
}

static const char *const pindah_fields[] = { "kekurangan", "alasan", "hasil_kajian",
					     "jenis_pelanggaran", "tingkat_sanksi",
					     "nomor_rekomendasi", "jenis_hukuman", "nomor_sk",
					     "tanggal_sk" };

int page_kasus_pindah(struct http_req *req, struct http_resp *resp)
{
	struct kasus_pindah pd = { .ke = http_form(req, "ke") };
	for (size_t i = 0; i < ARRAY_SIZE(pindah_fields); i++) {
		const char *v = http_form(req, pindah_fields[i]);
		if (v && *v && pd.nfields < KASUS_FIELDS_MAX) {
			pd.fields[pd.nfields].name = pindah_fields[i];
			pd.fields[pd.nfields++].value = v;
		}
	}
	struct kasus_lampiran files[4];
	size_t nf = 0;
	for (size_t i = 0; i < req->n_uploads && nf < ARRAY_SIZE(files); i++) {
		const struct http_upload *u = &req->uploads[i];
		if (strcmp(u->field, "lampiran") || !u->len)
			continue;
		files[nf].nama = u->filename;
		files[nf].data = (const uint8_t *)u->data;
		files[nf++].len = u->len;
	}
	pd.lampiran = files;
	pd.nlampiran = nf;
	struct kasus_pindah_hasil r;
	int rc = kasus_alur_pindah(req->store, &req->principal, http_path_param(req, "nomor"), &pd, &r);
	return done(req, resp, rc, r.field, r.msg);
}

int page_kasus_perpanjang(struct http_req *req, struct http_resp *resp)
{
	enum msg_id why = 0;
	int rc = kasus_alur_perpanjang(req->store, &req->principal, http_path_param(req, "nomor"),
				       http_form(req, "alasan"), &why);
	return done(req, resp, rc, "alasan", why);
}

int page_kasus_tag(struct http_req *req, struct http_resp *resp)
{
	enum msg_id why = 0;
	const char *hapus = http_form(req, "hapus");
	int rc = kasus_alur_tag(req->store, &req->principal, http_path_param(req, "nomor"),
				http_form(req, "tag"), !(hapus && !strcmp(hapus, "1")), &why);
	return done(req, resp, rc, "tag", why);
}

int page_kasus_tugaskan(struct http_req *req, struct http_resp *resp)
{
	enum msg_id why = 0;
	int rc = kasus_alur_tugaskan(req->store, &req->principal, http_path_param(req, "nomor"),
				     http_form(req, "petugas"), &why);
	return done(req, resp, rc, "petugas", why);
}

int page_kasus_pesan(struct http_req *req, struct http_resp *resp)
{
	struct kasus_pesan m;
	int rc = laporan_pesan_petugas(req->store, &req->principal, http_path_param(req, "nomor"),
				       http_form(req, "isi"), &m);
	return done(req, resp, rc, "isi", rc == APP_EINVAL ? M_KS_TEXT_REQUIRED
				 : rc == APP_EPERM ? M_KS_ROLE_DENIED : 0);
}

int page_kasus_catatan(struct http_req *req, struct http_resp *resp)
{
	enum msg_id why = 0;
	int rc = kasus_alur_catat(req->store, &req->principal, http_path_param(req, "nomor"),
				  http_form(req, "teks"), &why);
	return done(req, resp, rc, "teks", why);
}

/* ---- the employee page's section: their cases and sanctions ---- */

struct peg_ctx {
	struct queue_ctx q;
	int64_t seen[200];
	size_t nseen;
	int nsanksi;
};

static int peg_kasus_row(void *ctx, const struct kasus_ringkas *r)
{
	struct peg_ctx *c = ctx;
	if (c->nseen < ARRAY_SIZE(c->seen))
		c->seen[c->nseen++] = r->id;
	return queue_row(&c->q, r);
}

static int peg_sanksi_row(void *ctx, const struct kasus_sanksi *x)
{
	struct peg_ctx *c = ctx;
	int visible = 0;
	for (size_t i = 0; i < c->nseen; i++)
		visible |= c->seen[i] == x->kasus_id;
	if (!visible)
		return 0; /* a case outside the viewer's scope */
	struct html *h = &c->q.pg->h;
	if (!c->nsanksi++)
		html_raw(h, "<ul>");
	html_raw(h, "<li>");
	case_link(h, x->kasus_nomor);
	html_raw(h, ": <ul>");
	struct hist_ctx hc = { c->q.pg };
	sanksi_row(&hc, x);
	html_raw(h, "</ul></li>");
	return 0;
}

int page_pegawai_kasus(struct page *pg, const struct pegawai *e)
{
	const struct principal *p = &pg->req->principal;
	if (!kasus_role_can_read(p->role))
		return 0;
	struct html *h = &pg->h;
	html_raw(h, "<h2>");
	html_text(h, page_t(pg, M_KSW_KASUS_PEGAWAI));
	html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
	static const enum msg_id cols[] = { M_KSW_COL_NOMOR, M_KSW_COL_TAHAP, M_KSW_COL_TENGGAT,
					    M_KSW_COL_TERLAPOR, M_KSW_COL_INSTANSI };
	page_th_cols(pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	struct peg_ctx *c = http_alloc(pg->req, sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->q.pg = pg;
	c->q.today = kasus_today();
	struct kasus_antrian_filter f = { .scope = p->scope_path, .pegawai_id = e->id, .limit = 200,
					  .national = kasus_scope_national(p->scope_path) };
	int rc = store_kasus_antrian(pg->req->store, &f, peg_kasus_row, c);
	if (!c->q.n) {
		html_raw(h, "<tr><td colspan=\"5\">");
		html_text(h, page_t(pg, M_KSW_NONE));
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div><h3>");
	html_text(h, page_t(pg, M_KSW_SANKSI));
	html_raw(h, "</h3>");
	/* Sanctions are listed only with a case the principal may see. */
	if (!rc && c->q.n)
		rc = store_kasus_sanksi_list(pg->req->store, 0, e->id, peg_sanksi_row, c);
	if (c->nsanksi)
		html_raw(h, "</ul>");
	else {
		html_raw(h, "<p>");
		html_text(h, page_t(pg, M_KSW_SANKSI_NONE));
		html_raw(h, "</p>");
	}
	return rc;
}
