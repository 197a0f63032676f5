/* The sender: claim due messages under a lease, deliver each, record the
 * result, each in a short transaction of its own so that a crash loses at
 * most the results of the messages in flight (their leases expire and
 * they are sent again: at least once). Also the server's background thread. */
#include "core/compat.h"
#include "app/outbox.h"
#include "app/audit.h"
#include "app/outbox_format.h"
#include "app/outbox_send.h"
#include "app/pengingat.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "core/jsonw.h"
#include "crypto/crypto.h"
#include <pthread.h>
#include <sodium.h>
#include <time.h>
#include <unistd.h>

static int env_int(const char *name, int64_t min, int64_t max, int64_t *out, const char **bad)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return 0;
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (errno || *end || n < min || n > max) {
		*bad = name;
		return APP_EINVAL;
	}
	*out = n;
	return 0;
}

static void env_str(const char *name, char *dst, size_t cap)
{
	const char *v = getenv(name);
	if (v && *v)
		snprintf(dst, cap, "%s", v);
}

int outbox_config_load(struct outbox_config *c, const char **bad)
{
	memset(c, 0, sizeof(*c));
	*bad = NULL;
	c->max_attempts = 8;
	c->backoff_base_ms = 30 * 1000;
	c->backoff_cap_ms = 6 * 3600 * 1000LL;
	c->lease_ms = 5 * 60 * 1000;
	c->timeout_ms = 20 * 1000;
	c->batch = 10;
	snprintf(c->smtp_from, sizeof(c->smtp_from), "wasdal@localhost");
	snprintf(c->from_name, sizeof(c->from_name), "Wasdal");
	env_str("WASDAL_SMTP_URL", c->smtp_url, sizeof(c->smtp_url));
	env_str("WASDAL_SMTP_FROM", c->smtp_from, sizeof(c->smtp_from));
	env_str("WASDAL_SMTP_FROM_NAME", c->from_name, sizeof(c->from_name));
	const char *tls = getenv("WASDAL_SMTP_STARTTLS");
	c->starttls_required = tls && !strcmp(tls, "required");
	int64_t v;
	int rc = 0;
	v = c->max_attempts;
	if (!(rc = env_int("WASDAL_OUTBOX_MAX_ATTEMPTS", 1, 100, &v, bad)))
		c->max_attempts = (int)v;
	if (!rc)
		rc = env_int("WASDAL_OUTBOX_BACKOFF_MS", 1, 86400000, &c->backoff_base_ms, bad);
	if (!rc)
		rc = env_int("WASDAL_OUTBOX_BACKOFF_CAP_MS", 1, 7 * 86400000LL, &c->backoff_cap_ms, bad);
	if (!rc)
		rc = env_int("WASDAL_OUTBOX_LEASE_MS", 100, 86400000, &c->lease_ms, bad);
	if (!rc)
		rc = env_int("WASDAL_OUTBOX_TIMEOUT_MS", 100, 600000, &c->timeout_ms, bad);
	if (!rc && c->backoff_cap_ms < c->backoff_base_ms)
		c->backoff_cap_ms = c->backoff_base_ms;
	/* a claimed batch must be sent before its lease ends, or another
	 * sender may take it meanwhile and send it a second time */
	if (!rc && c->lease_ms < (int64_t)c->batch * c->timeout_ms) {
		int64_t fit = c->lease_ms / c->timeout_ms;
		c->batch = fit < 1 ? 1 : (int)fit;
	}
	if (!rc && c->smtp_url[0] && strncmp(c->smtp_url, "smtp://", 7) &&
	    strncmp(c->smtp_url, "smtps://", 8)) {
		*bad = "WASDAL_SMTP_URL";
		rc = APP_EINVAL;
	}
	if (!rc && !mail_address_valid(c->smtp_from)) {
		*bad = "WASDAL_SMTP_FROM";
		rc = APP_EINVAL;
	}
	char host[32] = "wasdal";
	gethostname(host, sizeof(host) - 1);
	host[sizeof(host) - 1] = 0;
	crypto_init();
	snprintf(c->owner, sizeof(c->owner), "%.31s:%ld:%08x", host, (long)getpid(),
		 (unsigned)randombytes_random());
	return rc;
}

/* Record one attempt's result; a permanent failure is an audit record too
 * (it is the one outcome an admin has to act on). */
static int record(struct store *s, const struct outbox_config *c, const struct outbox_msg *m,
		  const struct send_result *r, int64_t now, struct outbox_stats *st)
{
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	int permanent = !r->ok && (r->permanent || m->attempts + 1 >= c->max_attempts);
	if (r->ok) {
		rc = store_outbox_mark_sent(s, m->id, c->owner, now);
	} else {
		int64_t next = now + outbox_backoff_ms(m->attempts + 1, c->backoff_base_ms,
						       c->backoff_cap_ms, randombytes_random());
		rc = store_outbox_mark_failed(s, m->id, c->owner, r->error, next, permanent);
		if (!rc && permanent) {
			char id[24], diff[400];
			struct buf b;
			buf_init(&b, 512);
			snprintf(id, sizeof(id), "%lld", (long long)m->id);
			if (!json_escape(&b, r->error, strlen(r->error)))
				snprintf(diff, sizeof(diff), "{\"state\":[\"pending\",\"failed_permanent\"],"
					 "\"last_error\":%s}", b.ptr);
			else
				snprintf(diff, sizeof(diff), "{\"state\":[\"pending\",\"failed_permanent\"]}");
			buf_release(&b);
			rc = audit_append(s, NULL, "outbox_failed", "outbox", id, diff);
		}
	}
	if (rc) {
		store_tx_rollback(s);
		if (rc == APP_ECONFLICT) {
			/* our lease ran out and another sender took the message */
			log_warn("outbox: message %lld: lease lost, result left to the other sender",
				 (long long)m->id);
			st->lost++;
			return 0;
		}
		return rc;
	}
	rc = store_tx_commit(s);
	if (rc)
		return rc;
	if (r->ok)
		st->sent++;
	else if (permanent)
		st->failed++;
	else
		st->retried++;
	if (!r->ok)
		/* the id, not the address: the log is not the place for personal data */
		log_warn("outbox: message %lld (%s): %s%s", (long long)m->id, outbox_kind_name(m->kind),
			 r->error, permanent ? " (permanent)" : "");
	return 0;
}

static void deliver(struct store *s, const struct outbox_config *c, const struct outbox_msg *m,
		    struct send_result *r)
{
	struct send_options o = {
		.smtp_url = c->smtp_url, .smtp_from = c->smtp_from, .from_name = c->from_name,
		.starttls_required = c->starttls_required, .timeout_ms = c->timeout_ms,
		.now_ms = outbox_now_ms(),
	};
	if (m->kind == OUTBOX_EMAIL) {
		outbox_send_mail(&o, m, r);
		return;
	}
	struct webhook w;
	int rc = store_webhook_get(s, m->webhook_id, &w);
	if (rc || !w.active) {
		memset(r, 0, sizeof(*r));
		r->permanent = 1;
		snprintf(r->error, sizeof(r->error), "%s",
			 rc ? "langganan webhook tidak ditemukan / webhook subscription not found"
			    : "langganan webhook dinonaktifkan / webhook subscription deactivated");
		return;
	}
	outbox_send_webhook(&o, m, w.secret, r);
	sodium_memzero(w.secret, sizeof(w.secret));
}

int outbox_drain(struct store *s, const struct outbox_config *c, struct outbox_stats *st)
{
	memset(st, 0, sizeof(*st));
	size_t max = c->batch > 0 ? (size_t)c->batch : 10;
	struct outbox_claimed *batch = xcalloc(max, sizeof(*batch));
	int rc = 0;
	for (;;) {
		size_t n = 0;
		rc = store_tx_begin(s, STORE_TX_WRITE);
		if (!rc)
			rc = store_outbox_claim(s, c->owner, outbox_now_ms(), c->lease_ms, batch, max, &n);
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
		if (rc) {
			outbox_claimed_release(batch, n);
			break;
		}
		if (!n)
			break;
		for (size_t i = 0; i < n && !rc; i++) {
			struct send_result r;
			deliver(s, c, &batch[i].m, &r);
			rc = record(s, c, &batch[i].m, &r, outbox_now_ms(), st);
		}
		outbox_claimed_release(batch, n);
		if (rc)
			break;
	}
	free(batch);
	return rc;
}

/* ---- the server's background thread ---- */

struct outbox_worker {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;
	int interval_s;
	int64_t last_scan_ms;
	struct store *s;
	struct outbox_config c;
};

static void *worker_main(void *arg)
{
	struct outbox_worker *w = arg;
	for (;;) {
		/* deadlines move by days: a scan a minute is plenty */
		int64_t now = outbox_now_ms();
		if (!w->last_scan_ms || now - w->last_scan_ms >= 60000) {
			int queued = 0;
			int src = pengingat_scan(w->s, 0, &queued);
			if (src)
				log_warn("outbox: deadline scan: %s (%s)", app_err_name(src),
					 store_last_error(w->s));
			else if (queued)
				log_info("outbox: deadline scan queued %d messages", queued);
			w->last_scan_ms = now;
		}
		struct outbox_stats st;
		int rc = outbox_drain(w->s, &w->c, &st);
		if (rc)
			log_warn("outbox: drain: %s (%s)", app_err_name(rc), store_last_error(w->s));
		if (st.sent || st.retried || st.failed || st.lost)
			log_info("outbox: sent %d, retry %d, failed %d, lease lost %d", st.sent, st.retried,
				 st.failed, st.lost);
		pthread_mutex_lock(&w->mu);
		if (!w->stop) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += w->interval_s;
			while (!w->stop && pthread_cond_timedwait(&w->cv, &w->mu, &until) == 0)
				;
		}
		int stop = w->stop;
		pthread_mutex_unlock(&w->mu);
		if (stop)
			break;
	}
	return NULL;
}

int outbox_worker_start(const char *db_url, const struct outbox_config *c, int interval_s,
			struct outbox_worker **out)
{
	*out = NULL;
	outbox_send_init();
	struct outbox_worker *w = xcalloc(1, sizeof(*w));
	int rc = store_open(db_url, &w->s);
	if (rc) {
		if (w->s)
			store_close(w->s);
		free(w);
		return rc;
	}
	w->c = *c;
	w->interval_s = interval_s > 0 ? interval_s : 1;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, worker_main, w)) {
		store_close(w->s);
		free(w);
		return APP_EINTERNAL;
	}
	*out = w;
	return 0;
}

void outbox_worker_stop(struct outbox_worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	store_close(w->s);
	free(w);
}
