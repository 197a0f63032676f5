/* BerAKHLAK socialisation pages, public (no login):
 *   GET /berakhlak/layar?instansi=KODE&judul=TEXT[&nilai=N][&putar=1]
 *     The meeting screen. Without nilai: a title slide and the seven values
 *     as full-screen sections linked by #anchors (scroll, Tab, Enter). With
 *     nilai=N (0 = the title slide): that slide alone, with next/previous
 *     links, the no-JS way to step through on any browser. static/layar.js
 *     adds arrow/Page keys (presentation remotes) and, with putar=1, an
 *     automatic cycle.
 *   GET /berakhlak/naskah-apel[?instansi=KODE]
 *     The text read at a ceremony, composed from the same data.
 * The values come from data/berakhlak.csv (app/berakhlak.h). */
#include "core/compat.h"
#include "app/berakhlak.h"
#include "app/integrity.h"
#include "core/err.h"
#include "core/log.h"
#include "web/page.h"
#include "web/web.h"

struct layar {
	struct http_req *req;
	const char *kode;    /* "" when none */
	const char *judul;   /* "" when none */
	int putar;
	const struct instansi *in; /* NULL when none */
};

static int load_values(struct http_req *req, struct berakhlak *b)
{
	struct load_error err;
	int rc = berakhlak_load_default(b, &err);
	if (rc)
		log_error("%s berakhlak data: line %lld column %s: %s", req->req_id,
			(long long)err.line, err.column, msg((enum msg_id)err.msg, LANG_EN));
	return rc ? APP_EINTERNAL : 0;
}

/* The instansi named by ?instansi=, or NULL; APP_ENOTFOUND if unknown. */
static int lookup_instansi(struct http_req *req, struct instansi *in, const struct instansi **out)
{
	const char *kode = http_query(req, "instansi");
	*out = NULL;
	if (!kode || !*kode)
		return 0;
	int rc = integrity_instansi_public(req->store, kode, in);
	if (rc)
		return rc;
	*out = in;
	return 0;
}

/* href of slide n: an anchor in the overview, a page in single mode. */
static void slide_href(struct html *h, const struct layar *l, int single, int n)
{
	if (!single) {
		html_attr(h, "href", http_printf(l->req, "#nilai-%d", n));
		return;
	}
	html_url_begin(h, "href", "/berakhlak/layar");
	html_url_arg(h, "instansi", l->kode);
	html_url_arg(h, "judul", l->judul);
	html_url_arg(h, "nilai", http_printf(l->req, "%d", n));
	if (l->putar)
		html_url_arg(h, "putar", "1");
	html_url_end(h);
}

static void step_nav(struct html *h, const struct layar *l, int single, int n, int total,
		     const struct page *pg)
{
	html_raw(h, "<nav class=\"langkah\"");
	html_attr(h, "aria-label", page_tf(pg, M_BK_SLIDE_OF, n, total));
	html_raw(h, ">");
	if (n > 0) {
		html_raw(h, "<a rel=\"prev\" class=\"prev\"");
		slide_href(h, l, single, n - 1);
		html_raw(h, ">&larr; ");
		html_text(h, page_t(pg, n == 1 ? M_BK_COVER : M_BK_PREV));
		html_raw(h, "</a>");
	}
	if (n < total) {
		html_raw(h, "<a rel=\"next\" class=\"next\"");
		slide_href(h, l, single, n + 1);
		html_raw(h, ">");
		html_text(h, page_t(pg, n == 0 ? M_BK_START : M_BK_NEXT));
		html_raw(h, " &rarr;</a>");
	}
	html_raw(h, "</nav>");
}

static void cover_slide(struct page *pg, const struct layar *l, int single, int total)
{
	struct html *h = &pg->h;
	html_raw(h, "<section class=\"slide sampul\" id=\"nilai-0\">");
	if (l->in) {
		html_raw(h, "<p class=\"instansi\">");
		html_text(h, l->in->nama);
		html_raw(h, "</p>");
	}
	html_raw(h, "<h1>");
	html_text(h, *l->judul ? l->judul : page_t(pg, M_BK_TITLE));
	html_raw(h, "</h1>");
	if (*l->judul) {
		html_raw(h, "<p class=\"sub\">");
		html_text(h, page_t(pg, M_BK_TITLE));
		html_raw(h, "</p>");
	}
	html_raw(h, "<p class=\"tagline\"><strong>BerAKHLAK</strong> — ");
	html_text(h, page_t(pg, M_BK_TAGLINE));
	html_raw(h, "</p>");
	step_nav(h, l, single, 0, total, pg);
	html_raw(h, "</section>\n");
}

static void value_slide(struct page *pg, const struct layar *l, int single,
			const struct berakhlak_value *v, int total)
{
	struct html *h = &pg->h;
	const char *hid = http_printf(pg->req, "nilai-%d-judul", v->urutan);
	html_raw(h, "<section class=\"slide nilai\"");
	html_attr(h, "id", http_printf(pg->req, "nilai-%d", v->urutan));
	html_attr(h, "aria-labelledby", hid);
	html_raw(h, "><p class=\"urutan\">");
	html_text(h, page_tf(pg, M_BK_SLIDE_OF, v->urutan, total));
	if (l->in) {
		html_raw(h, " · ");
		html_text(h, l->in->nama);
	}
	if (single && *l->judul) {
		html_raw(h, " · ");
		html_text(h, l->judul);
	}
	html_raw(h, "</p>");
	if (single)
		html_raw(h, "<h1");
	else
		html_raw(h, "<h2");
	html_attr(h, "id", hid);
	html_raw(h, "><span class=\"huruf\" aria-hidden=\"true\">");
	html_textn(h, v->nilai, 1);
	html_raw(h, "</span><span class=\"nama\">");
	html_text(h, v->nilai);
	html_raw(h, "</span>");
	if (single)
		html_raw(h, "</h1>");
	else
		html_raw(h, "</h2>");
	html_raw(h, "<ul class=\"perilaku\"");
	html_attr(h, "aria-label", page_t(pg, M_BK_PERILAKU));
	html_raw(h, ">");
	for (size_t i = 0; i < v->n_perilaku; i++) {
		html_raw(h, "<li>");
		html_text(h, v->perilaku[i]);
		html_raw(h, "</li>");
	}
	html_raw(h, "</ul>");
	step_nav(h, l, single, v->urutan, total, pg);
	html_raw(h, "</section>\n");
}

/* The language switch keeps the query (instansi, judul, nilai, putar). */
static void lang_link(struct page *pg, const struct layar *l, const char *path, const char *nilai)
{
	struct html *h = &pg->h;
	const char *other = pg->req->lang == LANG_EN ? "id" : "en";
	html_raw(h, "<a class=\"lang\"");
	html_url_begin_path(h, "href", path);
	html_url_arg(h, "instansi", l->kode);
	html_url_arg(h, "judul", l->judul);
	html_url_arg(h, "nilai", nilai);
	if (l->putar)
		html_url_arg(h, "putar", "1");
	html_url_arg(h, "lang", other);
	html_url_end(h);
	html_attr(h, "hreflang", other);
	html_attr(h, "lang", other);
	html_attr(h, "aria-label", http_printf(pg->req, "%s: %s", page_t(pg, M_WEB_LANG_SWITCH_LABEL),
					      page_t(pg, M_WEB_LANG_SWITCH)));
	html_raw(h, ">");
	html_text(h, page_t(pg, M_WEB_LANG_SWITCH));
	html_raw(h, "</a>");
}

int page_berakhlak_layar(struct http_req *req, struct http_resp *resp)
{
	struct berakhlak *b = http_alloc(req, sizeof(*b));
	if (!b)
		return APP_ENOMEM;
	int rc = load_values(req, b);
	if (rc)
		return rc;
	struct instansi in;
	struct layar l = { .req = req };
	rc = lookup_instansi(req, &in, &l.in);
	if (rc == APP_ENOTFOUND) {
		web_error_page(req, resp, 404, http_msg(req, M_BK_UNKNOWN_INSTANSI));
		return 0;
	}
	if (rc)
		return rc;
	l.kode = l.in ? l.in->kode : "";
	l.judul = http_query(req, "judul");
	if (!l.judul)
		l.judul = "";
	const char *pv = http_query(req, "putar");
	l.putar = pv && (!strcmp(pv, "1") || !strcmp(pv, "on"));
	const char *nv = http_query(req, "nilai");
	int single = nv && *nv;
	int64_t n = 0;
	if (single && (http_parse_int64(nv, &n) || n < 0 || n > (int64_t)b->n))
		return APP_ENOTFOUND;
	int total = (int)b->n;

	struct page pg = { .req = req, .resp = resp };
	buf_reset(&resp->body);
	http_resp_start(resp, 200, HTTP_CT_HTML);
	html_init(&pg.h, &resp->body);
	struct html *h = &pg.h;
	const char *title = *l.judul ? l.judul : page_t(&pg, M_BK_TITLE);
	if (single && n > 0)
		title = http_printf(req, "%s — %s", b->v[n - 1].nilai, title);
	html_raw(h, "<!DOCTYPE html>\n<html");
	html_attr(h, "lang", lang_code(req->lang));
	html_raw(h, " class=\"layar-html\"><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
	html_text(h, title);
	html_raw(h, "</title><link rel=\"stylesheet\" href=\"/static/layar.css\">"
		    "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
		    "<script src=\"/static/layar.js\" defer></script></head>\n<body class=\"layar\">"
		    "<a class=\"skip\" href=\"#main\">");
	html_text(h, page_t(&pg, M_WEB_SKIP));
	html_raw(h, "</a>\n<main id=\"main\" tabindex=\"-1\"");
	html_attr(h, "class", single ? "tunggal" : "semua");
	if (l.putar)
		html_raw(h, " data-putar=\"20\"");
	html_raw(h, ">\n");
	if (!single) {
		cover_slide(&pg, &l, 0, total);
		for (size_t i = 0; i < b->n; i++)
			value_slide(&pg, &l, 0, &b->v[i], total);
	} else if (n == 0) {
		cover_slide(&pg, &l, 1, total);
	} else {
		value_slide(&pg, &l, 1, &b->v[n - 1], total);
	}
	html_raw(h, "</main>\n<footer class=\"alat\"><p class=\"petunjuk\">");
	html_text(h, page_t(&pg, M_BK_KEYS_HINT));
	html_raw(h, "</p><p class=\"tautan\">");
	if (single) {
		html_raw(h, "<a");
		html_url_begin(h, "href", "/berakhlak/layar");
		html_url_arg(h, "instansi", l.kode);
		html_url_arg(h, "judul", l.judul);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_BK_LINK_LAYAR));
		html_raw(h, "</a> · ");
	} else {
		html_raw(h, "<a");
		slide_href(h, &l, 1, 0);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_BK_ONE_PER_PAGE));
		html_raw(h, "</a> · ");
	}
	if (!l.putar) {
		html_raw(h, "<a");
		html_url_begin(h, "href", "/berakhlak/layar");
		html_url_arg(h, "instansi", l.kode);
		html_url_arg(h, "judul", l.judul);
		html_url_arg(h, "putar", "1");
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_BK_AUTOPLAY));
		html_raw(h, "</a> · ");
	}
	html_raw(h, "<a");
	html_url_begin(h, "href", "/berakhlak/naskah-apel");
	html_url_arg(h, "instansi", l.kode);
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, page_t(&pg, M_BK_LINK_NASKAH));
	html_raw(h, "</a> · ");
	lang_link(&pg, &l, "/berakhlak/layar", single ? nv : NULL);
	html_raw(h, "</p><p class=\"catatan\">");
	html_text(h, page_t(&pg, M_BK_OFFICIAL_NOTE));
	html_raw(h, "</p></footer>\n</body></html>\n");
	(void)http_resp_header(req, resp, "Cache-Control", "no-store");
	return h->err;
}

static const enum msg_id ordinals[] = {
	M_BK_ORD_1, M_BK_ORD_2, M_BK_ORD_3, M_BK_ORD_4, M_BK_ORD_5, M_BK_ORD_6, M_BK_ORD_7,
};

/* The ceremony text in Bahasa Indonesia (what is read), one paragraph per
 * value; with ?lang=en the opening and closing also in English. */
int page_berakhlak_naskah(struct http_req *req, struct http_resp *resp)
{
	struct berakhlak *b = http_alloc(req, sizeof(*b));
	if (!b)
		return APP_ENOMEM;
	int rc = load_values(req, b);
	if (rc)
		return rc;
	struct instansi in;
	const struct instansi *inp;
	rc = lookup_instansi(req, &in, &inp);
	if (rc == APP_ENOTFOUND) {
		web_error_page(req, resp, 404, http_msg(req, M_BK_UNKNOWN_INSTANSI));
		return 0;
	}
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, http_msg(req, M_BK_NASKAH_TITLE));
	struct html *h = &pg.h;
	int en = req->lang == LANG_EN;
	html_raw(h, "<p class=\"hint naskah-petunjuk\">");
	html_text(h, page_t(&pg, M_BK_NASKAH_INSTR));
	html_raw(h, " ");
	html_text(h, page_t(&pg, M_BK_NASKAH_LANG_NOTE));
	html_raw(h, "</p>\n<div class=\"naskah\" lang=\"id\">");
	const char *who = inp ? inp->nama : msg(M_BK_RI, LANG_ID);
	char *line = http_alloc(req, 2048);
	if (!line)
		return APP_ENOMEM;
	html_raw(h, "<p class=\"pembuka\">");
	html_text(h, http_printf(req, msg(M_BK_NASKAH_OPEN, LANG_ID), who));
	html_raw(h, "</p>");
	if (en) {
		html_raw(h, "<p class=\"terjemahan\" lang=\"en\"><span class=\"label\">");
		html_text(h, page_t(&pg, M_BK_TRANSLATION));
		html_raw(h, ":</span> ");
		html_text(h, http_printf(req, msg(M_BK_NASKAH_OPEN, LANG_EN),
					 inp ? inp->nama : msg(M_BK_RI, LANG_EN)));
		html_raw(h, "</p>");
	}
	html_raw(h, "<ol class=\"nilai-naskah\">");
	for (size_t i = 0; i < b->n; i++) {
		const struct berakhlak_value *v = &b->v[i];
		if (berakhlak_clause(v, "serta", line, 2048) < 0)
			return APP_EINTERNAL;
		html_raw(h, "<li>");
		if (i < sizeof(ordinals) / sizeof(ordinals[0])) {
			html_text(h, msg(ordinals[i], LANG_ID));
			html_raw(h, ", ");
		}
		html_raw(h, "<strong>");
		html_text(h, v->nilai);
		html_raw(h, "</strong>: ");
		html_text(h, line);
		html_raw(h, "</li>");
	}
	html_raw(h, "</ol><p class=\"penutup\">");
	html_text(h, msg(M_BK_NASKAH_CLOSE, LANG_ID));
	html_raw(h, "</p>");
	if (en) {
		html_raw(h, "<p class=\"terjemahan\" lang=\"en\"><span class=\"label\">");
		html_text(h, page_t(&pg, M_BK_TRANSLATION));
		html_raw(h, ":</span> ");
		html_text(h, msg(M_BK_NASKAH_CLOSE, LANG_EN));
		html_raw(h, "</p>");
	}
	html_raw(h, "</div>\n<p class=\"hint\">");
	html_text(h, page_t(&pg, M_BK_OFFICIAL_NOTE));
	html_raw(h, "</p>\n<form class=\"card narrow\" method=\"get\" action=\"/berakhlak/layar\"><h2>");
	html_text(h, page_t(&pg, M_BK_FORM_TITLE));
	html_raw(h, "</h2>");
	page_input(&pg, "instansi", M_BK_FIELD_INSTANSI, "text", inp ? inp->kode : "", 0, "off");
	page_input(&pg, "judul", M_BK_FIELD_JUDUL, "text", "", 0, "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_BK_OPEN_LAYAR));
	html_raw(h, "</button></form>\n");
	return page_end(&pg);
}
