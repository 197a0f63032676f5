/* wasdal outbox kirim|daftar|ulang and wasdal webhook tambah|daftar|hapus:
 * the notification queue and webhook subscriptions (app/outbox.h). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_outbox.h"
#include "cmd/cmd_store.h"
#include "app/outbox.h"
#include "app/pengingat.h"
#include "core/date.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"

static int parse_id(const char *s, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0 || end == s) {
		cmd_error(M_OUTBOX_BAD_ID, s);
		return EXIT_USAGE;
	}
	*id = v;
	return 0;
}

static int exit_of(int rc)
{
	if (rc == APP_EPERM) {
		cmd_error(M_OUTBOX_ADMIN_ONLY);
		return EXIT_CHECK_FAILED;
	}
	cmd_app_error(rc);
	return rc == APP_EINVAL ? EXIT_USAGE : EXIT_INTERNAL;
}

int cmd_outbox_config(struct outbox_config *c, const char *smtp, const char *from)
{
	const char *bad;
	if (outbox_config_load(c, &bad)) {
		cmd_error(M_OUTBOX_BAD_ENV, bad);
		return EXIT_USAGE;
	}
	if (smtp) {
		if (strncmp(smtp, "smtp://", 7) && strncmp(smtp, "smtps://", 8)) {
			cmd_error(M_OUTBOX_BAD_ENV, "--smtp");
			return EXIT_USAGE;
		}
		snprintf(c->smtp_url, sizeof(c->smtp_url), "%s", smtp);
	}
	if (from) {
		if (strlen(from) >= sizeof(c->smtp_from) || !strchr(from, '@')) {
			cmd_error(M_OUTBOX_BAD_ENV, "--from");
			return EXIT_USAGE;
		}
		snprintf(c->smtp_from, sizeof(c->smtp_from), "%s", from);
	}
	return 0;
}

static int outbox_kirim(struct store *s, const struct principal *actor, int argc, char **argv)
{
	(void)actor;
	const char *smtp = NULL, *from = NULL;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--smtp") && i + 1 < argc)
			smtp = argv[++i];
		else if (!strcmp(argv[i], "--from") && i + 1 < argc)
			from = argv[++i];
		else
			return cmd_usage("outbox");
	}
	struct outbox_config c;
	int rc = cmd_outbox_config(&c, smtp, from);
	if (rc)
		return rc;
	struct outbox_stats st;
	rc = outbox_drain(s, &c, &st);
	printf(msgc(M_OUTBOX_DRAINED), st.sent, st.retried, st.failed, st.lost);
	putchar('\n');
	if (rc)
		return exit_of(rc);
	return EXIT_OK;
}

static int print_msg(void *ctx, const struct outbox_msg *m)
{
	(void)ctx;
	printf("%-6lld %-8s %-17s %-5d %s  %s%s%s\n", (long long)m->id, outbox_kind_name(m->kind),
	       outbox_state_name(m->state), m->attempts, m->destination, m->event,
	       m->last_error[0] ? "  " : "", m->last_error);
	return 0;
}

static int outbox_daftar(struct store *s, const struct principal *actor, int argc, char **argv)
{
	enum outbox_state st = 0;
	int64_t limit = 100;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--state") && i + 1 < argc) {
			if (!(st = outbox_state_parse(argv[++i]))) {
				cmd_error(M_OUTBOX_BAD_STATE);
				return EXIT_USAGE;
			}
		} else if (!strcmp(argv[i], "--limit") && i + 1 < argc) {
			if (parse_id(argv[++i], &limit))
				return EXIT_USAGE;
		} else {
			return cmd_usage("outbox");
		}
	}
	/* destinations are personal data: the list is for admins and auditors */
	if (actor->role != ROLE_ADMIN && actor->role != ROLE_AUDITOR) {
		cmd_error(M_OUTBOX_ADMIN_ONLY);
		return EXIT_CHECK_FAILED;
	}
	printf("%s\n", msgc(M_OUTBOX_LIST_HEADER));
	int rc = store_outbox_list(s, st, (int)(limit > 100000 ? 100000 : limit), print_msg, NULL);
	return rc ? exit_of(rc) : EXIT_OK;
}

static int outbox_ulang(struct store *s, const struct principal *actor, int argc, char **argv)
{
	int64_t id;
	if (argc != 3)
		return cmd_usage("outbox");
	if (parse_id(argv[2], &id))
		return EXIT_USAGE;
	int rc = outbox_requeue(s, actor, id);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_OUTBOX_NOT_FAILED, argv[2]);
		return EXIT_CHECK_FAILED;
	}
	if (rc)
		return exit_of(rc);
	printf(msgc(M_OUTBOX_REQUEUED), argv[2]);
	putchar('\n');
	return EXIT_OK;
}

/* A test notification, to check the SMTP and webhook settings end to end. */
static int outbox_uji(struct store *s, const struct principal *actor, int argc, char **argv)
{
	const char *to = NULL, *event = "wasdal.uji";
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--to") && i + 1 < argc)
			to = argv[++i];
		else if (!strcmp(argv[i], "--event") && i + 1 < argc)
			event = argv[++i];
		else
			return cmd_usage("outbox");
	}
	int queued = 0;
	int rc = outbox_test(s, actor, event, to, &queued);
	if (rc == APP_EINVAL) {
		cmd_error(M_USER_EMAIL_BAD, to ? to : "");
		return EXIT_USAGE;
	}
	if (rc)
		return exit_of(rc);
	printf(msgc(M_OUTBOX_TEST_QUEUED), queued);
	putchar('\n');
	return EXIT_OK;
}

/* One deadline scan; --hari checks a given day (what would be due then). */
static int outbox_pindai(struct store *s, const struct principal *actor, int argc, char **argv)
{
	int32_t day = 0;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--hari") && i + 1 < argc) {
			const char *v = argv[++i];
			if (date_parse_iso(v, strlen(v), &day)) {
				cmd_error(M_OUTBOX_BAD_DAY, v);
				return EXIT_USAGE;
			}
		} else {
			return cmd_usage("outbox");
		}
	}
	if (actor->role != ROLE_ADMIN) {
		cmd_error(M_OUTBOX_ADMIN_ONLY);
		return EXIT_CHECK_FAILED;
	}
	int queued = 0;
	int rc = pengingat_scan(s, day, &queued);
	if (rc)
		return exit_of(rc);
	printf(msgc(M_OUTBOX_SCANNED), queued);
	putchar('\n');
	return EXIT_OK;
}

typedef int (*sub_fn)(struct store *, const struct principal *, int, char **);
struct sub {
	const char *name;
	sub_fn fn;
};

static int run(int argc, char **argv, const char *cmd, const struct sub *subs, size_t n)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc < 2)
		return cmd_usage(cmd);
	sub_fn fn = NULL;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(argv[1], subs[i].name))
			fn = subs[i].fn;
	if (!fn)
		return cmd_usage(cmd);
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct principal actor;
	rc = cmd_actor(s, actor_name, &actor);
	if (!rc)
		rc = fn(s, &actor, argc, argv);
	store_close(s);
	return rc;
}

int cmd_outbox(int argc, char **argv)
{
	static const struct sub subs[] = {
		{ "kirim", outbox_kirim }, { "daftar", outbox_daftar }, { "ulang", outbox_ulang },
		{ "uji", outbox_uji }, { "pindai", outbox_pindai },
	};
	return run(argc, argv, "outbox", subs, ARRAY_SIZE(subs));
}

/* ---- webhook ---- */

static int webhook_tambah(struct store *s, const struct principal *actor, int argc, char **argv)
{
	const char *url = NULL, *events = NULL, *secret = NULL;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--events") && i + 1 < argc)
			events = argv[++i];
		else if (!strcmp(argv[i], "--secret") && i + 1 < argc)
			secret = argv[++i];
		else if (argv[i][0] != '-' && !url)
			url = argv[i];
		else
			return cmd_usage("webhook");
	}
	if (!url || !events)
		return cmd_usage("webhook");
	struct webhook w;
	int rc = outbox_webhook_add(s, actor, url, events, secret, &w);
	if (rc == APP_EINVAL || rc == APP_ECONSTRAINT) {
		cmd_error(M_WEBHOOK_BAD);
		return EXIT_USAGE;
	}
	if (rc)
		return exit_of(rc);
	fprintf(stderr, msgc(M_WEBHOOK_ADDED), (long long)w.id);
	fputc('\n', stderr);
	printf("%s\n", w.secret);
	memset(w.secret, 0, sizeof(w.secret));
	return EXIT_OK;
}

struct hooks {
	struct webhook *v;
	size_t n, cap;
};

static int collect(void *ctx, const struct webhook *w)
{
	struct hooks *h = ctx;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 8;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	h->v[h->n++] = *w;
	return 0;
}

static int webhook_daftar(struct store *s, const struct principal *actor, int argc, char **argv)
{
	(void)argv;
	if (argc != 2)
		return cmd_usage("webhook");
	if (actor->role != ROLE_ADMIN && actor->role != ROLE_AUDITOR) {
		cmd_error(M_OUTBOX_ADMIN_ONLY);
		return EXIT_CHECK_FAILED;
	}
	struct hooks h = { 0 };
	int rc = store_webhook_list(s, collect, &h);
	if (!rc) {
		printf("%s\n", msgc(M_WEBHOOK_LIST_HEADER));
		for (size_t i = 0; i < h.n; i++)
			printf("%-6lld %-9s %-25s %s\n", (long long)h.v[i].id,
			       msgc(h.v[i].active ? M_WEBHOOK_ACTIVE : M_WEBHOOK_INACTIVE), h.v[i].events,
			       h.v[i].url);
	}
	free(h.v);
	return rc ? exit_of(rc) : EXIT_OK;
}

static int webhook_hapus(struct store *s, const struct principal *actor, int argc, char **argv)
{
	int64_t id;
	if (argc != 3)
		return cmd_usage("webhook");
	if (parse_id(argv[2], &id))
		return EXIT_USAGE;
	int rc = outbox_webhook_remove(s, actor, id);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_WEBHOOK_NOT_FOUND, argv[2]);
		return EXIT_CHECK_FAILED;
	}
	if (rc)
		return exit_of(rc);
	printf(msgc(M_WEBHOOK_REMOVED), argv[2]);
	putchar('\n');
	return EXIT_OK;
}

int cmd_webhook(int argc, char **argv)
{
	static const struct sub subs[] = {
		{ "tambah", webhook_tambah }, { "daftar", webhook_daftar }, { "hapus", webhook_hapus },
	};
	return run(argc, argv, "webhook", subs, ARRAY_SIZE(subs));
}

/* wasdal user email NAMA ALAMAT (called from cmd_user.c) */
int cmd_user_email(struct store *s, const struct principal *actor, int argc, char **argv)
{
	if (argc != 4)
		return cmd_usage("user");
	int rc = outbox_user_email(s, actor, argv[2], argv[3]);
	if (rc == APP_EINVAL) {
		cmd_error(M_USER_EMAIL_BAD, argv[3]);
		return EXIT_USAGE;
	}
	if (rc == APP_ENOTFOUND) {
		cmd_app_error(rc);
		return EXIT_CHECK_FAILED;
	}
	if (rc)
		return exit_of(rc);
	printf(msgc(M_USER_EMAIL_DONE), argv[2]);
	putchar('\n');
	return EXIT_OK;
}
