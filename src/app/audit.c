/* The tamper-evident audit chain on top of the store: appending inside the
 * caller's write transaction, and verifying the whole chain by streaming it
 * once. The hash itself is src/crypto/hash_chain.c. */
#include "core/compat.h"
#include "app/audit.h"
#include "core/err.h"
#include "core/log.h"
#include "core/msg.h"
#include "crypto/hash_chain.h"
#include "store/store.h"
#include <time.h>

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int fits(char *dst, size_t cap, const char *src)
{
	int n = snprintf(dst, cap, "%s", src ? src : "");
	return n >= 0 && (size_t)n < cap;
}

static void fields_of(const struct audit_rec *r, struct hash_chain_fields *f)
{
	f->seq = r->seq;
	f->ts_ms = r->ts_ms;
	f->actor_id = r->actor_id;
	f->actor = r->actor;
	f->action = r->action;
	f->object_type = r->object_type;
	f->object_id = r->object_id;
	f->diff = r->diff;
	f->prev_hash = r->prev_hash;
}

int audit_append(struct store *s, const struct principal *actor, const char *action,
		 const char *object_type, const char *object_id, const char *diff_json)
{
	struct audit_rec r;
	struct hash_chain_fields f;
	memset(&r, 0, sizeof(r));
	if (!action || !*action)
		return APP_EINVAL;
	if (!fits(r.actor, sizeof(r.actor), actor ? actor->username : "system") ||
	    !fits(r.action, sizeof(r.action), action) ||
	    !fits(r.object_type, sizeof(r.object_type), object_type) ||
	    !fits(r.object_id, sizeof(r.object_id), object_id))
		return APP_EINVAL;
	r.actor_id = actor ? actor->user_id : 0;
	r.diff = diff_json ? diff_json : "";
	r.ts_ms = now_ms();

	/* Inside the write transaction the head read locks the chain until
	 * commit, so no other writer can take the same seq. */
	int64_t head;
	int rc = store_audit_head(s, &head, r.prev_hash);
	if (rc)
		return rc;
	r.seq = head + 1;
	fields_of(&r, &f);
	hash_chain_record(&f, r.hash);
	return store_audit_insert(s, &r);
}

struct walk {
	struct audit_verify_result *res;
	int64_t expect_seq;
	char prev[HASH_HEX_LEN + 1];
};

static void set_problem(struct walk *w, int64_t seq, enum msg_id id, int64_t arg)
{
	struct audit_verify_result *res = w->res;
	res->bad_seq = seq;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(res->problem, sizeof(res->problem), msg(id, LANG_ID), arg);
	snprintf(res->problem_en, sizeof(res->problem_en), msg(id, LANG_EN), arg);
#pragma GCC diagnostic pop
}

/* Every record must have the next seq, point at the previous record's hash
 * and hash to what it stores. Between them these catch an edited record
 * (its hash), a deleted or inserted one (the seq gap or the prev_hash link)
 * and a reordered pair (seq is inside the hash). Deleting records from the
 * end leaves a shorter valid chain: that is what publishing the head hash
 * is for (docs/operations.md). */
static int check_record(void *ctx, const struct audit_rec *r)
{
	struct walk *w = ctx;
	struct hash_chain_fields f;
	char h[HASH_HEX_LEN + 1];
	if (r->seq != w->expect_seq) {
		set_problem(w, r->seq, M_AUDIT_GAP, w->expect_seq);
		return 1;
	}
	if (!hash_is_hex(r->hash) || !hash_is_hex(r->prev_hash)) {
		set_problem(w, r->seq, M_AUDIT_FORMAT, 0);
		return 1;
	}
	if (strcmp(r->prev_hash, w->prev)) {
		set_problem(w, r->seq, M_AUDIT_PREV, 0);
		return 1;
	}
	fields_of(r, &f);
	hash_chain_record(&f, h);
	if (strcmp(h, r->hash)) {
		set_problem(w, r->seq, M_AUDIT_HASH, 0);
		return 1;
	}
	memcpy(w->prev, r->hash, sizeof(w->prev));
	w->res->count++;
	w->expect_seq++;
	return 0;
}

int audit_verify(struct store *s, struct audit_verify_result *r)
{
	struct walk w;
	memset(r, 0, sizeof(*r));
	w.res = r;
	w.expect_seq = 1;
	memcpy(w.prev, hash_chain_genesis, sizeof(w.prev));

	/* One read transaction: the walk sees one snapshot even while writers
	 * keep appending. */
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_audit_list(s, 1, 0, check_record, &w);
	store_tx_rollback(s);
	memcpy(r->head_hash, w.prev, sizeof(r->head_hash));
	if (rc == 1) {
		log_warn("audit: chain broken at record %" PRId64, r->bad_seq);
		return APP_ECONFLICT;
	}
	return rc;
}
