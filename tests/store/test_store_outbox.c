/* Conformance of the outbox area (src/store/store_outbox.h) on every
 * backend: idempotent enqueue, leases (held, expired, lost), retries and
 * permanent failure, requeue, webhook subscriptions, account e-mail and
 * recipients in scope, and two connections claiming at once never taking
 * one message twice. Run by tests/store/run.sh with STORE_URL. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_outbox.h"
#include "store/store_kasus.h"
#include "kasus_fixture.h"
#include <pthread.h>
#include "store_suite.h"

static int64_t enqueue(struct store *s, const char *key, int64_t due, int *inserted)
{
	struct outbox_msg m = { 0 };
	m.kind = OUTBOX_EMAIL;
	snprintf(m.event, sizeof(m.event), "test.event");
	snprintf(m.destination, sizeof(m.destination), "petugas@example.go.id");
	snprintf(m.subject, sizeof(m.subject), "Pengingat tenggat — %s", key);
	m.body = "Isi pesan\r\nbaris kedua ✓";
	snprintf(m.dedup_key, sizeof(m.dedup_key), "%s", key);
	m.created_ms = due;
	m.next_attempt_ms = due;
	int rc = store_outbox_enqueue(s, &m, inserted);
	if (rc)
		print_error("enqueue %s: %d %s\n", key, rc, store_last_error(s));
	assert_int_eq(rc, 0);
	return m.id;
}

/* Claim everything due at now for owner and mark it sent (cleans up). */
static int drain(const char *owner, int64_t now)
{
	struct outbox_claimed c[16];
	size_t n;
	int total = 0;
	do {
		BEGIN_W();
		assert_int_eq(store_outbox_claim(S, owner, now, 1000, c, 16, &n), 0);
		for (size_t i = 0; i < n; i++)
			assert_int_eq(store_outbox_mark_sent(S, c[i].m.id, owner, now), 0);
		COMMIT();
		outbox_claimed_release(c, n);
		total += (int)n;
	} while (n);
	return total;
}

static void enqueue_is_idempotent(void **state)
{
	(void)state;
	int ins = 0;
	struct outbox_msg m = { 0 };
	m.kind = OUTBOX_EMAIL;
	m.body = "x";
	snprintf(m.dedup_key, sizeof(m.dedup_key), "k");
	assert_int_eq(store_outbox_enqueue(S, &m, &ins), APP_EINTERNAL); /* outside a write tx */
	BEGIN_W();
	int64_t id = enqueue(S, "idem-1", 1000, &ins);
	assert_int_eq(ins, 1);
	assert_true(id > 0);
	int64_t again = enqueue(S, "idem-1", 1000, &ins);
	assert_int_eq(ins, 0);
	(void)again;
	/* a webhook message needs a subscription */
	struct outbox_msg w = { 0 };
	w.kind = OUTBOX_WEBHOOK;
	w.body = "{}";
	snprintf(w.event, sizeof(w.event), "e");
	snprintf(w.destination, sizeof(w.destination), "http://x/");
	snprintf(w.dedup_key, sizeof(w.dedup_key), "idem-w");
	assert_int_eq(store_outbox_enqueue(S, &w, &ins), APP_EINVAL);
	COMMIT();
	/* the same key in a later transaction changes nothing either */
	BEGIN_W();
	enqueue(S, "idem-1", 5000, &ins);
	assert_int_eq(ins, 0);
	COMMIT();
	int64_t n;
	assert_int_eq(store_outbox_count(S, OUTBOX_PENDING, &n), 0);
	assert_int_eq(n, 1);
	struct outbox_claimed g;
	assert_int_eq(store_outbox_get(S, id, &g), 0);
	assert_str_eq(g.m.body, "Isi pesan\r\nbaris kedua ✓");
	assert_str_eq(g.m.subject, "Pengingat tenggat — idem-1");
	assert_int_eq(g.m.state, OUTBOX_PENDING);
	assert_int_eq(g.m.next_attempt_ms, 1000);
	outbox_claimed_release(&g, 1);
	/* a rolled-back enqueue leaves nothing: the notification goes with its change */
	BEGIN_W();
	enqueue(S, "idem-rolled-back", 1000, &ins);
	store_tx_rollback(S);
	assert_int_eq(store_outbox_count(S, 0, &n), 0);
	assert_int_eq(n, 1);
	assert_int_eq(drain("cleanup", 1000), 1);
}

static void lease_held_expired_lost(void **state)
{
	(void)state;
	int ins;
	BEGIN_W();
	int64_t a = enqueue(S, "lease-a", 10000, &ins);
	int64_t b = enqueue(S, "lease-b", 20000, &ins);
	COMMIT();
	struct outbox_claimed c[4];
	size_t n;
	/* only what is due */
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "srv-1", 15000, 60000, c, 4, &n), 0);
	COMMIT();
	assert_int_eq(n, 1);
	assert_int_eq(c[0].m.id, a);
	assert_str_eq(c[0].m.lease_owner, "srv-1");
	assert_int_eq(c[0].m.lease_until, 75000);
	assert_str_eq(c[0].m.body, "Isi pesan\r\nbaris kedua ✓");
	outbox_claimed_release(c, n);
	/* while the lease holds nobody else takes a */
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "srv-2", 30000, 60000, c, 4, &n), 0);
	COMMIT();
	assert_int_eq(n, 1);
	assert_int_eq(c[0].m.id, b);
	outbox_claimed_release(c, n);
	/* srv-1 crashed: after its lease a is taken again, by srv-3 */
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "srv-3", 75000, 60000, c, 4, &n), 0);
	COMMIT();
	assert_int_eq(n, 1);
	assert_int_eq(c[0].m.id, a);
	outbox_claimed_release(c, n);
	/* srv-1's late result is refused; srv-3's stands */
	BEGIN_W();
	assert_int_eq(store_outbox_mark_sent(S, a, "srv-1", 76000), APP_ECONFLICT);
	store_tx_rollback(S);
	BEGIN_W();
	assert_int_eq(store_outbox_mark_sent(S, a, "srv-3", 76000), 0);
	assert_int_eq(store_outbox_mark_sent(S, b, "srv-2", 76000), 0);
	COMMIT();
	struct outbox_claimed g;
	assert_int_eq(store_outbox_get(S, a, &g), 0);
	assert_int_eq(g.m.state, OUTBOX_SENT);
	assert_int_eq(g.m.sent_ms, 76000);
	assert_int_eq(g.m.attempts, 1);
	assert_str_eq(g.m.lease_owner, "");
	outbox_claimed_release(&g, 1);
	/* marking twice is refused: sent once */
	BEGIN_W();
	assert_int_eq(store_outbox_mark_sent(S, a, "srv-3", 77000), APP_ECONFLICT);
	store_tx_rollback(S);
	assert_int_eq(drain("cleanup", 1LL << 50), 0);
}

static void retry_then_permanent_then_requeue(void **state)
{
	(void)state;
	int ins;
	BEGIN_W();
	int64_t id = enqueue(S, "retry-1", 100000, &ins);
	COMMIT();
	struct outbox_claimed c[2];
	size_t n;
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "srv", 100000, 1000, c, 2, &n), 0);
	assert_int_eq(n, 1);
	assert_int_eq(store_outbox_mark_failed(S, id, "srv", "connect: refused", 130000, 0), 0);
	COMMIT();
	outbox_claimed_release(c, n);
	/* not due before its next attempt */
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "srv", 129999, 1000, c, 2, &n), 0);
	assert_int_eq(n, 0);
	assert_int_eq(store_outbox_claim(S, "srv", 130000, 1000, c, 2, &n), 0);
	assert_int_eq(n, 1);
	assert_int_eq(c[0].m.attempts, 1);
	assert_str_eq(c[0].m.last_error, "connect: refused");
	/* a long error is cut at a character boundary */
	char longerr[400];
	memset(longerr, 0, sizeof(longerr));
	for (int i = 0; i + 3 < 399; i += 3)
		memcpy(longerr + i, "\xc3\xa9x", 3);
	assert_int_eq(store_outbox_mark_failed(S, id, "srv", longerr, 0, 1), 0);
	COMMIT();
	outbox_claimed_release(c, n);
	struct outbox_claimed g;
	assert_int_eq(store_outbox_get(S, id, &g), 0);
	assert_int_eq(g.m.state, OUTBOX_FAILED);
	assert_int_eq(g.m.attempts, 2);
	assert_true(strlen(g.m.last_error) <= 255);
	outbox_claimed_release(&g, 1);
	/* failed messages are never claimed */
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "srv", 1LL << 50, 1000, c, 2, &n), 0);
	assert_int_eq(n, 0);
	COMMIT();
	/* listed by state */
	int64_t cnt;
	assert_int_eq(store_outbox_count(S, OUTBOX_FAILED, &cnt), 0);
	assert_int_eq(cnt, 1);
	/* requeue: pending again from zero attempts; only a failed message */
	BEGIN_W();
	assert_int_eq(store_outbox_requeue(S, id, 200000), 0);
	assert_int_eq(store_outbox_requeue(S, id, 200000), APP_ENOTFOUND);
	COMMIT();
	assert_int_eq(store_outbox_get(S, id, &g), 0);
	assert_int_eq(g.m.state, OUTBOX_PENDING);
	assert_int_eq(g.m.attempts, 0);
	assert_int_eq(g.m.next_attempt_ms, 200000);
	outbox_claimed_release(&g, 1);
	assert_int_eq(drain("cleanup", 200000), 1);
}

struct seen {
	int n;
	int64_t first_id;
	int states[4];
};

static int count_row(void *ctx, const struct outbox_msg *m)
{
	struct seen *s = ctx;
	if (!s->n)
		s->first_id = m->id;
	s->n++;
	if (m->state >= 1 && m->state <= 3)
		s->states[m->state]++;
	return m->body != NULL; /* lists carry no body */
}

static void list_newest_first(void **state)
{
	(void)state;
	struct seen all = { 0 }, sent = { 0 }, two = { 0 };
	assert_int_eq(store_outbox_list(S, 0, 0, count_row, &all), 0);
	assert_true(all.n >= 4);
	assert_int_eq(store_outbox_list(S, OUTBOX_SENT, 0, count_row, &sent), 0);
	assert_int_eq(sent.n, sent.states[OUTBOX_SENT]);
	assert_int_eq(sent.n, all.states[OUTBOX_SENT]);
	assert_int_eq(store_outbox_list(S, 0, 2, count_row, &two), 0);
	assert_int_eq(two.n, 2);
	assert_int_eq(two.first_id, all.first_id);
}

/* ---- two connections claiming at once ---- */

#define RACE_MSGS 60

struct claimer {
	char owner[16];
	int64_t ids[RACE_MSGS];
	int n, failed;
};

static void *claim_loop(void *arg)
{
	struct claimer *c = arg;
	struct store *s;
	if (store_open(suite_url, &s)) {
		c->failed++;
		return NULL;
	}
	for (int rounds = 0; rounds < 200; rounds++) {
		struct outbox_claimed got[3];
		size_t n = 0;
		int rc = store_tx_begin(s, STORE_TX_WRITE);
		if (!rc)
			rc = store_outbox_claim(s, c->owner, 500000, 60000, got, 3, &n);
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
		if (rc == APP_EBUSY)
			continue;
		if (rc) {
			c->failed++;
			break;
		}
		if (!n)
			break;
		for (size_t i = 0; i < n && c->n < RACE_MSGS; i++)
			c->ids[c->n++] = got[i].m.id;
		/* send, then mark in a transaction of its own, as the sender does */
		rc = store_tx_begin(s, STORE_TX_WRITE);
		for (size_t i = 0; i < n && !rc; i++)
			rc = store_outbox_mark_sent(s, got[i].m.id, c->owner, 500001);
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
		if (rc)
			c->failed++;
		outbox_claimed_release(got, n);
	}
	store_close(s);
	return NULL;
}

static void concurrent_claimers_take_each_once(void **state)
{
	(void)state;
	if (!strcmp(suite_url, "sqlite::memory:"))
		skip(); /* each :memory: connection is its own database */
	int ins;
	BEGIN_W();
	for (int i = 0; i < RACE_MSGS; i++) {
		char key[32];
		snprintf(key, sizeof(key), "race-%d", i);
		enqueue(S, key, 400000 + i, &ins);
		assert_int_eq(ins, 1);
	}
	COMMIT();
	pthread_t t[2];
	struct claimer c[2] = { { "node-a" }, { "node-b" } };
	for (int i = 0; i < 2; i++)
		assert_int_eq(pthread_create(&t[i], NULL, claim_loop, &c[i]), 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	assert_int_eq(c[0].failed, 0);
	assert_int_eq(c[1].failed, 0);
	assert_int_eq(c[0].n + c[1].n, RACE_MSGS);
	for (int i = 0; i < c[0].n; i++)
		for (int j = 0; j < c[1].n; j++)
			assert_true(c[0].ids[i] != c[1].ids[j]);
	int64_t pending;
	assert_int_eq(store_outbox_count(S, OUTBOX_PENDING, &pending), 0);
	assert_int_eq(pending, 0);
}

/* A second connection takes only the rows the first did not lease. On
 * PostgreSQL it does so while the first claimer's transaction is still
 * open, holding row locks: those rows are skipped (SKIP LOCKED) instead of
 * waited for. SQLite serialises write transactions, so there the first
 * commits before the second claims. */
static void claim_across_connections(void **state)
{
	(void)state;
	if (!strcmp(suite_url, "sqlite::memory:"))
		return; /* each :memory: connection is its own database */
	int pg = !strcmp(store_backend_name(S), "postgresql");
	int ins;
	BEGIN_W();
	int64_t ids[4];
	for (int i = 0; i < 4; i++) {
		char key[32];
		snprintf(key, sizeof(key), "skip-%d", i);
		ids[i] = enqueue(S, key, 600000 + i, &ins);
	}
	COMMIT();
	struct store *b;
	assert_int_eq(store_open(suite_url, &b), 0);
	struct outbox_claimed ca[2], cb[4];
	size_t na, nb;
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "pg-a", 700000, 60000, ca, 2, &na), 0);
	assert_int_eq(na, 2);
	if (!pg)
		COMMIT();
	/* on PostgreSQL S's transaction is still open */
	assert_int_eq(store_tx_begin(b, STORE_TX_WRITE), 0);
	assert_int_eq(store_outbox_claim(b, "pg-b", 700000, 60000, cb, 4, &nb), 0);
	assert_int_eq(store_tx_commit(b), 0);
	assert_int_eq(nb, 2);
	for (size_t i = 0; i < nb; i++)
		assert_true(cb[i].m.id == ids[2] || cb[i].m.id == ids[3]);
	if (pg)
		COMMIT();
	outbox_claimed_release(ca, na);
	outbox_claimed_release(cb, nb);
	store_close(b);
	/* a: leased by pg-a, b by pg-b; both leases hold */
	BEGIN_W();
	assert_int_eq(store_outbox_claim(S, "pg-c", 700001, 60000, ca, 2, &na), 0);
	assert_int_eq(na, 0);
	COMMIT();
	assert_int_eq(drain("cleanup", 1LL << 50), 4);
}

/* ---- webhooks, e-mail addresses, recipients ---- */

static int64_t put_instansi(const char *kode, enum instansi_jenis jenis, int64_t parent,
			    char path[256])
{
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "%s", kode);
	snprintf(in.nama, sizeof(in.nama), "Instansi %s", kode);
	in.jenis = jenis;
	in.parent_id = parent;
	assert_int_eq(store_instansi_put(S, &in), 0);
	snprintf(path, 256, "%s", in.path);
	return in.id;
}

static int64_t put_user(const char *name, const char *role, int64_t instansi, const char *email)
{
	struct user u = { 0 };
	snprintf(u.username, sizeof(u.username), "%s", name);
	snprintf(u.nama, sizeof(u.nama), "Nama %s", name);
	snprintf(u.role, sizeof(u.role), "%s", role);
	snprintf(u.password_hash, sizeof(u.password_hash), "x");
	u.instansi_id = instansi;
	assert_int_eq(store_user_insert(S, &u), 0);
	if (email)
		assert_int_eq(store_user_email_set(S, u.id, email), 0);
	return u.id;
}

struct names {
	char list[256];
};

static int add_name(void *ctx, const struct outbox_recipient *r)
{
	struct names *n = ctx;
	size_t len = strlen(n->list);
	snprintf(n->list + len, sizeof(n->list) - len, "%s%s<%s>", len ? "," : "", r->username,
		 r->email);
	return 0;
}

static void recipients_in_scope_with_email(void **state)
{
	(void)state;
	char pn[256], pa[256], pb[256], pa1[256];
	BEGIN_W();
	int64_t nas = put_instansi("OB-NAS", INSTANSI_NASIONAL, 0, pn);
	int64_t a = put_instansi("OB-A", INSTANSI_PROVINSI, nas, pa);
	int64_t b = put_instansi("OB-B", INSTANSI_PROVINSI, nas, pb);
	int64_t a1 = put_instansi("OB-A1", INSTANSI_KABKOTA, a, pa1);
	int64_t u_nas = put_user("ob-nas", "bawaslu", nas, "nas@bawaslu.go.id");
	put_user("ob-a", "bawaslu", a, "a@bawaslu.go.id");
	put_user("ob-b", "bawaslu", b, "b@bawaslu.go.id");
	put_user("ob-a1", "bawaslu", a1, "a1@bawaslu.go.id");
	put_user("ob-a-noemail", "bawaslu", a, NULL);
	put_user("ob-a-ppk", "ppk", a, "ppk@a.go.id");
	int64_t dis = put_user("ob-a-disabled", "bawaslu", a, "off@bawaslu.go.id");
	assert_int_eq(store_user_email_set(S, 99999999, "x@y.z"), APP_ENOTFOUND);
	COMMIT();
	struct user u;
	BEGIN_W();
	assert_int_eq(store_user_get(S, dis, &u), 0);
	u.disabled = 1;
	assert_int_eq(store_user_update(S, &u), 0);
	COMMIT();
	char email[255];
	assert_int_eq(store_user_email_get(S, u_nas, email), 0);
	assert_str_eq(email, "nas@bawaslu.go.id");
	/* a case in kab/kota A1: bawaslu users of A1, A and the nation */
	struct names n = { "" };
	assert_int_eq(store_outbox_recipients(S, "bawaslu", pa1, add_name, &n), 0);
	assert_str_eq(n.list, "ob-nas<nas@bawaslu.go.id>,ob-a<a@bawaslu.go.id>,ob-a1<a1@bawaslu.go.id>");
	/* a case in province B: not A's */
	memset(&n, 0, sizeof(n));
	assert_int_eq(store_outbox_recipients(S, "bawaslu", pb, add_name, &n), 0);
	assert_str_eq(n.list, "ob-nas<nas@bawaslu.go.id>,ob-b<b@bawaslu.go.id>");
	/* a case without an instansi: national accounts only */
	memset(&n, 0, sizeof(n));
	assert_int_eq(store_outbox_recipients(S, "bawaslu", "/", add_name, &n), 0);
	assert_str_eq(n.list, "ob-nas<nas@bawaslu.go.id>");
	memset(&n, 0, sizeof(n));
	assert_int_eq(store_outbox_recipients(S, "ppk", pa1, add_name, &n), 0);
	assert_str_eq(n.list, "ob-a-ppk<ppk@a.go.id>");
}

struct hooks {
	int n, active;
	char secrets[64];
};

static int add_hook(void *ctx, const struct webhook *w)
{
	struct hooks *h = ctx;
	h->n++;
	h->active += w->active;
	size_t len = strlen(h->secrets);
	snprintf(h->secrets + len, sizeof(h->secrets) - len, "%s", w->secret);
	return 0;
}

static void webhooks_subscriptions(void **state)
{
	(void)state;
	struct webhook w = { 0 };
	snprintf(w.url, sizeof(w.url), "https://hooks.example.org/wasdal");
	snprintf(w.secret, sizeof(w.secret), "0123456789abcdef0123");
	snprintf(w.events, sizeof(w.events), "kasus.*");
	assert_int_eq(store_webhook_insert(S, &w), APP_EINTERNAL);
	BEGIN_W();
	assert_int_eq(store_webhook_insert(S, &w), 0);
	assert_true(w.id > 0);
	struct webhook bad = w;
	snprintf(bad.url, sizeof(bad.url), "ftp://example.org/x");
	assert_int_eq(store_webhook_insert(S, &bad), APP_ECONSTRAINT);
	store_tx_rollback(S);
	BEGIN_W();
	assert_int_eq(store_webhook_insert(S, &w), 0);
	struct webhook w2 = w;
	snprintf(w2.events, sizeof(w2.events), "*");
	assert_int_eq(store_webhook_insert(S, &w2), 0);
	/* a message to the subscription */
	struct outbox_msg m = { 0 };
	m.kind = OUTBOX_WEBHOOK;
	m.webhook_id = w.id;
	m.body = "{\"a\":1}";
	snprintf(m.event, sizeof(m.event), "kasus.terlambat");
	snprintf(m.destination, sizeof(m.destination), "%s", w.url);
	snprintf(m.dedup_key, sizeof(m.dedup_key), "wh-1");
	int ins;
	assert_int_eq(store_outbox_enqueue(S, &m, &ins), 0);
	assert_int_eq(ins, 1);
	COMMIT();
	struct webhook got;
	assert_int_eq(store_webhook_get(S, w.id, &got), 0);
	assert_str_eq(got.secret, "0123456789abcdef0123");
	assert_str_eq(got.events, "kasus.*");
	assert_int_eq(got.active, 1);
	assert_int_eq(store_webhook_get(S, 987654, &got), APP_ENOTFOUND);
	BEGIN_W();
	assert_int_eq(store_webhook_deactivate(S, w2.id), 0);
	assert_int_eq(store_webhook_deactivate(S, w2.id), APP_ENOTFOUND);
	COMMIT();
	struct hooks h = { 0 };
	assert_int_eq(store_webhook_list(S, add_hook, &h), 0);
	assert_int_eq(h.n, 2);
	assert_int_eq(h.active, 1);
	assert_str_eq(h.secrets, ""); /* lists never carry secrets */
	assert_int_eq(drain("cleanup", 1LL << 50), 1);
}

/* ---- the deadline scanner's reads ---- */

static int64_t put_kasus(char receipt, const char *tahap, int32_t tenggat, int64_t instansi)
{
	struct kasus k;
	kasus_fixture_fill(&k, receipt, "pemilu", "diterima");
	snprintf(k.terlapor_nama, sizeof(k.terlapor_nama), "Terlapor");
	snprintf(k.kronologi, sizeof(k.kronologi), "Kronologi.");
	snprintf(k.pelapor_mode, sizeof(k.pelapor_mode), "anonim");
	k.instansi_id = instansi;
	k.created_ms = 1790000000000LL;
	int rc = store_kasus_insert(S, &k);
	if (rc)
		print_error("kasus insert: %d %s\n", rc, store_last_error(S));
	assert_int_eq(rc, 0);
	snprintf(k.tahap, sizeof(k.tahap), "%s", tahap);
	k.tahap_sejak_ms = 1790000001000LL;
	k.tenggat_hari = tenggat;
	assert_int_eq(store_kasus_set_tahap(S, &k, 1790000001000LL), 0);
	return k.id;
}

struct due {
	int n;
	char line[512];
};

static int add_due(void *ctx, const struct outbox_due_case *c)
{
	struct due *d = ctx;
	size_t len = strlen(d->line);
	snprintf(d->line + len, sizeof(d->line) - len, "%s%s@%d:%s", d->n++ ? "," : "", c->tahap,
		 (int)(c->tenggat_hari - 20000), c->instansi_path);
	return 0;
}

static void due_cases_and_seen(void **state)
{
	(void)state;
	char pn[256], pa[256];
	BEGIN_W();
	int64_t nas = put_instansi("DC-NAS", INSTANSI_NASIONAL, 0, pn);
	int64_t a = put_instansi("DC-A", INSTANSI_PROVINSI, nas, pa);
	put_kasus('1', "tindak_lanjut_ppk", 20100, a);
	put_kasus('2', "verifikasi_satgas", 20050, 0);
	put_kasus('3', "kajian_bawaslu", 20300, a);
	put_kasus('4', "diterima", 0, a); /* no deadline */
	COMMIT();
	struct due d = { 0 };
	assert_int_eq(store_outbox_due_cases(S, 20000, 20200, add_due, &d), 0);
	char want[512];
	snprintf(want, sizeof(want), "verifikasi_satgas@50:/,tindak_lanjut_ppk@100:%s", pa);
	assert_str_eq(d.line, want);
	memset(&d, 0, sizeof(d));
	assert_int_eq(store_outbox_due_cases(S, 20101, 20299, add_due, &d), 0);
	assert_int_eq(d.n, 0);

	int seen = 1;
	assert_int_eq(store_outbox_seen(S, "kasus:1:tahap:5:sebelum:3#", &seen), 0);
	assert_int_eq(seen, 0);
	int ins;
	BEGIN_W();
	enqueue(S, "kasus:1:tahap:5:sebelum:3#mail:a@b.id", 1LL << 50, &ins);
	enqueue(S, "kasus:1:tahap:5:sebelum:30#mail:a@b.id", 1LL << 50, &ins);
	COMMIT();
	assert_int_eq(store_outbox_seen(S, "kasus:1:tahap:5:sebelum:3#", &seen), 0);
	assert_int_eq(seen, 1);
	/* a prefix is a prefix: ":3#" is not ":30#" nor ":1#" */
	assert_int_eq(store_outbox_seen(S, "kasus:1:tahap:5:sebelum:1#", &seen), 0);
	assert_int_eq(seen, 0);
	assert_int_eq(store_outbox_seen(S, "kasus:1:tahap:5:sebelum:300#", &seen), 0);
	assert_int_eq(seen, 0);
	assert_int_eq(store_outbox_seen(S, "", &seen), APP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(enqueue_is_idempotent),
		cmocka_unit_test(lease_held_expired_lost),
		cmocka_unit_test(retry_then_permanent_then_requeue),
		cmocka_unit_test(list_newest_first),
		cmocka_unit_test(concurrent_claimers_take_each_once),
		cmocka_unit_test(claim_across_connections),
		cmocka_unit_test(recipients_in_scope_with_email),
		cmocka_unit_test(webhooks_subscriptions),
		cmocka_unit_test(due_cases_and_seen),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store_outbox", tests, open_suite, close_suite);
}
