/* One delivery attempt over the network with libcurl: an e-mail over
 * SMTP(S), or a signed webhook POST. No redirects, no protocols other than
 * the expected ones, a hard timeout, no signals (the server is threaded). */
#include "core/compat.h"
#include "app/outbox_send.h"
#include "app/outbox_format.h"
#include "core/buf.h"
#include "core/err.h"
#include <curl/curl.h>
#include <pthread.h>

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_start(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

void outbox_send_init(void)
{
	pthread_once(&curl_once, curl_start);
}

static void set_error(struct send_result *r, const char *what, const char *detail)
{
	snprintf(r->error, sizeof(r->error), "%.100s%s%.150s", what, detail && *detail ? ": " : "",
		 detail ? detail : "");
}

struct reader {
	const char *p;
	size_t left;
};

static size_t read_cb(char *dst, size_t size, size_t n, void *arg)
{
	struct reader *r = arg;
	size_t want = size * n;
	if (want > r->left)
		want = r->left;
	memcpy(dst, r->p, want);
	r->p += want;
	r->left -= want;
	return want;
}

/* Response bodies are not needed; keep at most a little for the error. */
static size_t sink_cb(char *p, size_t size, size_t n, void *arg)
{
	struct buf *b = arg;
	size_t len = size * n;
	if (b->len < 200) {
		size_t take = len < 200 - b->len ? len : 200 - b->len;
		if (buf_add(b, p, take))
			return 0;
	}
	return len;
}

static void common(CURL *c, const struct send_options *o, char *errbuf)
{
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)o->timeout_ms);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)(o->timeout_ms < 10000 ? o->timeout_ms : 10000));
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
}

int outbox_send_mail(const struct send_options *o, const struct outbox_msg *m,
		     struct send_result *r)
{
	memset(r, 0, sizeof(*r));
	if (!o->smtp_url || !*o->smtp_url) {
		set_error(r, "SMTP belum dikonfigurasi / SMTP not configured (WASDAL_SMTP_URL)", NULL);
		return 0;
	}
	char mid[160];
	mail_message_id(m->id, m->dedup_key, o->smtp_from, mid);
	struct mail_header h = {
		.from = o->smtp_from, .from_name = o->from_name, .to = m->destination,
		.subject = m->subject, .date_ms = o->now_ms, .message_id = mid,
	};
	struct buf msg;
	buf_init(&msg, 4 * OUTBOX_BODY_MAX);
	if (mail_build(&msg, &h, m->body ? m->body : "")) {
		buf_release(&msg);
		r->permanent = 1;
		set_error(r, "alamat atau subjek tidak sah / invalid address or subject", NULL);
		return 0;
	}
	outbox_send_init();
	CURL *c = curl_easy_init();
	if (!c) {
		buf_release(&msg);
		set_error(r, "curl_easy_init", NULL);
		return 0;
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	char from[260], to[520];
	snprintf(from, sizeof(from), "<%s>", o->smtp_from);
	snprintf(to, sizeof(to), "<%s>", m->destination);
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	struct reader rd = { msg.ptr, msg.len };
	common(c, o, errbuf);
	curl_easy_setopt(c, CURLOPT_URL, o->smtp_url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	if (!strncmp(o->smtp_url, "smtp://", 7))
		curl_easy_setopt(c, CURLOPT_USE_SSL,
				 o->starttls_required ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &rd);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	CURLcode cc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	r->status = code;
	if (cc == CURLE_OK) {
		r->ok = 1;
	} else {
		/* 5xx from the server (unknown mailbox, refused sender) will not
		 * change by retrying; everything else (network, 4xx) may. */
		r->permanent = code >= 500 && code < 600;
		char detail[CURL_ERROR_SIZE + 32];
		snprintf(detail, sizeof(detail), "%s (%ld)", errbuf[0] ? errbuf : curl_easy_strerror(cc),
			 code);
		set_error(r, "SMTP", detail);
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	buf_release(&msg);
	return 0;
}

int outbox_send_webhook(const struct send_options *o, const struct outbox_msg *m,
			const char *secret, struct send_result *r)
{
	memset(r, 0, sizeof(*r));
	outbox_send_init();
	CURL *c = curl_easy_init();
	if (!c) {
		set_error(r, "curl_easy_init", NULL);
		return 0;
	}
	const char *body = m->body ? m->body : "";
	size_t blen = strlen(body);
	int64_t ts = o->now_ms / 1000;
	char sig[72], h_sig[120], h_ts[64], h_event[100], h_id[64];
	webhook_signature(secret, ts, body, blen, sig);
	snprintf(h_sig, sizeof(h_sig), "X-Wasdal-Signature: %s", sig);
	snprintf(h_ts, sizeof(h_ts), "X-Wasdal-Timestamp: %lld", (long long)ts);
	snprintf(h_event, sizeof(h_event), "X-Wasdal-Event: %s", m->event);
	snprintf(h_id, sizeof(h_id), "X-Wasdal-Delivery: %lld", (long long)m->id);
	struct curl_slist *hd = NULL;
	hd = curl_slist_append(hd, "Content-Type: application/json; charset=utf-8");
	hd = curl_slist_append(hd, "User-Agent: Wasdal-Webhook/" WASDAL_VERSION);
	hd = curl_slist_append(hd, h_sig);
	hd = curl_slist_append(hd, h_ts);
	hd = curl_slist_append(hd, h_event);
	hd = curl_slist_append(hd, h_id);
	hd = curl_slist_append(hd, "Expect:");
	char errbuf[CURL_ERROR_SIZE] = "";
	struct buf resp;
	buf_init(&resp, 256);
	common(c, o, errbuf);
	curl_easy_setopt(c, CURLOPT_URL, m->destination);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hd);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)blen);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp);
	CURLcode cc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	r->status = code;
	if (cc != CURLE_OK) {
		set_error(r, "HTTP", errbuf[0] ? errbuf : curl_easy_strerror(cc));
	} else if (code >= 200 && code < 300) {
		r->ok = 1;
	} else {
		/* 410 Gone: the receiver asks us to stop; anything else may pass later */
		r->permanent = code == 410;
		char detail[64];
		snprintf(detail, sizeof(detail), "status %ld", code);
		set_error(r, "HTTP", detail);
	}
	curl_slist_free_all(hd);
	curl_easy_cleanup(c);
	buf_release(&resp);
	return 0;
}
