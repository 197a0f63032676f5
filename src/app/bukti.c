/* Evidence files: sniff, clean, store by hash (see bukti.h). */
#include "core/compat.h"
#include "app/bukti.h"
#include "app/media_strip.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/log.h"
#include "crypto/sha256.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char g_dir[4096] = "wasdal-berkas";
static pthread_mutex_t g_dir_mu = PTHREAD_MUTEX_INITIALIZER;

void bukti_set_dir(const char *dir)
{
	pthread_mutex_lock(&g_dir_mu);
	snprintf(g_dir, sizeof(g_dir), "%s", dir && *dir ? dir : "wasdal-berkas");
	pthread_mutex_unlock(&g_dir_mu);
}

const char *bukti_dir(void)
{
	return g_dir;
}

void bukti_default_dir(const char *db_url, char *out, size_t outsz)
{
	if (db_url && !strncmp(db_url, "sqlite:", 7) && db_url[7] && strcmp(db_url + 7, ":memory:"))
		snprintf(out, outsz, "%s-berkas", db_url + 7);
	else
		snprintf(out, outsz, "wasdal-berkas");
}

/* The allowlist: what a phone or a laptop produces for photos, screenshots,
 * documents and short videos, and nothing a browser would run. */
static const char *const allowed[] = {
	"image/jpeg", "image/png", "image/webp", "application/pdf", "video/mp4", "video/webm", NULL,
};

int bukti_mime_allowed(const char *mime)
{
	for (size_t i = 0; allowed[i]; i++)
		if (!strcmp(mime, allowed[i]))
			return 1;
	return 0;
}

/* One libmagic handle for the process: magic_t is not thread-safe, and
 * loading the database per call would cost milliseconds. */
static pthread_mutex_t g_magic_mu = PTHREAD_MUTEX_INITIALIZER;
static magic_t g_magic;
static int g_magic_failed;

void bukti_sniff(const uint8_t *data, size_t n, char *mime, size_t mimesz)
{
	mime[0] = '\0';
	pthread_mutex_lock(&g_magic_mu);
	if (!g_magic && !g_magic_failed) {
		g_magic = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TAR |
				     MAGIC_NO_CHECK_ELF);
		if (!g_magic || magic_load(g_magic, NULL)) {
			log_error("libmagic: %s", g_magic ? magic_error(g_magic) : "magic_open failed");
			if (g_magic)
				magic_close(g_magic);
			g_magic = NULL;
			g_magic_failed = 1;
		}
	}
	if (g_magic) {
		const char *m = magic_buffer(g_magic, data, n);
		if (m)
			snprintf(mime, mimesz, "%s", m);
	}
	pthread_mutex_unlock(&g_magic_mu);
	/* libmagic names MP4 by its brand; the ISO base media brands a phone
	 * writes are all MP4 for our purpose. */
	if (!strcmp(mime, "video/quicktime") || !strcmp(mime, "video/x-m4v") ||
	    !strcmp(mime, "audio/mp4"))
		snprintf(mime, mimesz, "video/mp4");
}

void bukti_release(struct bukti_prepared *p)
{
	buf_release(&p->data);
}

int bukti_prepare(const uint8_t *data, size_t n, struct bukti_prepared *out, enum msg_id *why)
{
	memset(out, 0, sizeof(*out));
	buf_init(&out->data, LIMIT_BUKTI_FILE_BYTES);
	*why = 0;
	if (n == 0) {
		*why = M_BUKTI_EMPTY;
		return APP_EINVAL;
	}
	if (n > LIMIT_BUKTI_FILE_BYTES) {
		*why = M_BUKTI_TOO_BIG;
		return APP_ETOOBIG;
	}
	bukti_sniff(data, n, out->mime, sizeof(out->mime));
	if (!bukti_mime_allowed(out->mime)) {
		*why = M_BUKTI_TYPE;
		return APP_EINVAL;
	}
	enum media_kind k = media_sniff(data, n);
	int is_image = !strncmp(out->mime, "image/", 6);
	if (is_image) {
		/* libmagic and our own parser must agree that this is the image
		 * it claims to be before we rewrite it. */
		if (k == MEDIA_UNKNOWN) {
			*why = M_BUKTI_TYPE;
			return APP_EINVAL;
		}
		int removed = 0;
		int rc = media_strip_metadata(data, n, &out->data, &removed);
		if (rc) {
			*why = rc == APP_ETOOBIG ? M_BUKTI_TOO_BIG : M_BUKTI_BROKEN;
			buf_release(&out->data);
			return rc == APP_ETOOBIG ? APP_ETOOBIG : APP_EINVAL;
		}
		out->metadata_dihapus = removed > 0;
	} else if (buf_add(&out->data, data, n)) {
		*why = M_BUKTI_TOO_BIG;
		return APP_ETOOBIG;
	}
	uint8_t dig[SHA256_BYTES];
	sha256_buf(out->data.ptr, out->data.len, dig);
	sha256_hex(dig, out->sha256);
	return 0;
}

static int well_formed(const char *sha)
{
	if (!sha || strlen(sha) != 64)
		return 0;
	for (const char *p = sha; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

void bukti_path(const char *sha256, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s/%s", g_dir, sha256);
}

static int ensure_dir(void)
{
	if (mkdir(g_dir, 0700) && errno != EEXIST) {
		log_error("bukti: mkdir %s: %s", g_dir, strerror(errno));
		return APP_EIO;
	}
	return 0;
}

/* ---- pins and the per-thread journal ----
 * A pin says "a writer in this process is about to reference this file";
 * a journal that rolls back removes a file it created only when nobody
 * else pins it. The pin is taken before the file is looked at, and the
 * removal decided under the same lock, so a concurrent writer of the same
 * bytes either sees the file gone (and writes it again) or keeps it. */
#define PIN_MAX 256
#define BUKTI_ORPHAN_AGE_S 3600
#define JOURNAL_MAX 16
static pthread_mutex_t g_pin_mu = PTHREAD_MUTEX_INITIALIZER;
static struct { char sha[65]; int n; } g_pins[PIN_MAX];

static int pin(const char *sha)
{
	int rc = -1;
	pthread_mutex_lock(&g_pin_mu);
	for (int i = 0; i < PIN_MAX && rc < 0; i++)
		if (g_pins[i].n && !strcmp(g_pins[i].sha, sha)) {
			g_pins[i].n++;
			rc = 0;
		}
	for (int i = 0; i < PIN_MAX && rc < 0; i++)
		if (!g_pins[i].n) {
			memcpy(g_pins[i].sha, sha, 65);
			g_pins[i].n = 1;
			rc = 0;
		}
	pthread_mutex_unlock(&g_pin_mu);
	return rc;
}

static int pinned_locked(const char *sha)
{
	for (int i = 0; i < PIN_MAX; i++)
		if (g_pins[i].n && !strcmp(g_pins[i].sha, sha))
			return 1;
	return 0;
}

static void unpin_locked(const char *sha)
{
	for (int i = 0; i < PIN_MAX; i++)
		if (g_pins[i].n && !strcmp(g_pins[i].sha, sha)) {
			g_pins[i].n--;
			return;
		}
}

struct journal {
	int active;
	size_t n;
	struct { char sha[65]; int created; int pinned; } f[JOURNAL_MAX];
};
static _Thread_local struct journal g_journal;

void bukti_journal_begin(void)
{
	memset(&g_journal, 0, sizeof(g_journal));
	g_journal.active = 1;
}

int bukti_journal_end(int committed)
{
	struct journal *j = &g_journal;
	int removed = 0;
	if (!j->active)
		return 0;
	pthread_mutex_lock(&g_pin_mu);
	for (size_t i = 0; i < j->n; i++)
		if (j->f[i].pinned)
			unpin_locked(j->f[i].sha);
	for (size_t i = 0; i < j->n && !committed; i++) {
		char path[4200];
		if (!j->f[i].created || !j->f[i].pinned || pinned_locked(j->f[i].sha))
			continue;
		bukti_path(j->f[i].sha, path, sizeof(path));
		if (unlink(path) == 0)
			removed++;
		else if (errno != ENOENT)
			log_error("bukti: unlink %s: %s", path, strerror(errno));
	}
	pthread_mutex_unlock(&g_pin_mu);
	memset(j, 0, sizeof(*j));
	return removed;
}

/* Remember a write in the thread's journal; 1 when it is tracked (the
 * content is pinned until the journal ends). */
static int journal_note(const char *sha)
{
	struct journal *j = &g_journal;
	if (!j->active || j->n >= JOURNAL_MAX)
		return 0; /* untracked: never removed here (the sweep finds it) */
	memcpy(j->f[j->n].sha, sha, 65);
	j->f[j->n].created = 0;
	j->f[j->n].pinned = pin(sha) == 0;
	return j->f[j->n++].pinned;
}

static int write_file(const struct bukti_prepared *p, int *created);

int bukti_write(const struct bukti_prepared *p)
{
	if (!well_formed(p->sha256))
		return APP_EINVAL;
	int tracked = journal_note(p->sha256);
	int created = 0;
	int rc = write_file(p, &created);
	if (tracked)
		g_journal.f[g_journal.n - 1].created = created;
	return rc;
}

static int write_file(const struct bukti_prepared *p, int *created)
{
	char path[4200], tmp[4300];
	struct stat st;
	int rc = ensure_dir();
	if (rc)
		return rc;
	bukti_path(p->sha256, path, sizeof(path));
	if (stat(path, &st) == 0 && (size_t)st.st_size == p->data.len) {
		/* content-addressed: already there. Touch it, so the orphan
		 * sweep (which spares files changed in the last hour) never
		 * removes a file a row is about to reference. */
		(void)utimensat(AT_FDCWD, path, NULL, 0);
		return 0;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld.%lu", path, (long)getpid(),
		 (unsigned long)pthread_self());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		log_error("bukti: open %s: %s", tmp, strerror(errno));
		return APP_EIO;
	}
	size_t off = 0;
	while (off < p->data.len) {
		ssize_t w = write(fd, p->data.ptr + off, p->data.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = APP_EIO;
			break;
		}
		off += (size_t)w;
	}
	if (!rc && fsync(fd))
		rc = APP_EIO;
	if (close(fd))
		rc = APP_EIO;
	if (!rc && rename(tmp, path))
		rc = APP_EIO;
	if (rc) {
		log_error("bukti: write %s: %s", path, strerror(errno));
		unlink(tmp);
		return rc;
	}
	*created = 1;
	int dfd = open(g_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return 0;
}

static int hash_file(const char *path, char hex[65])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return APP_EIO;
	struct sha256 h;
	uint8_t dig[SHA256_BYTES], chunk[65536];
	sha256_init(&h, 0);
	ssize_t r;
	while ((r = read(fd, chunk, sizeof(chunk))) > 0)
		sha256_update(&h, chunk, (size_t)r);
	close(fd);
	if (r < 0)
		return APP_EIO;
	sha256_final(&h, dig);
	sha256_hex(dig, hex);
	return 0;
}

int bukti_verify_dir(void (*bad)(void *ctx, const char *name, const char *why), void *ctx,
		     int64_t *n_ok, int64_t *n_bad)
{
	*n_ok = *n_bad = 0;
	DIR *d = opendir(g_dir);
	if (!d)
		return errno == ENOENT ? APP_ENOTFOUND : APP_EIO;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (strstr(e->d_name, ".tmp."))
			continue; /* a write in progress or an interrupted one */
		char path[4400], hex[65];
		if (!well_formed(e->d_name)) {
			bad(ctx, e->d_name, "nama_asing");
			(*n_bad)++;
			continue;
		}
		bukti_path(e->d_name, path, sizeof(path));
		if (hash_file(path, hex)) {
			bad(ctx, e->d_name, "tidak_terbaca");
			(*n_bad)++;
		} else if (strcmp(hex, e->d_name)) {
			bad(ctx, e->d_name, "berbeda");
			(*n_bad)++;
		} else {
			(*n_ok)++;
		}
	}
	closedir(d);
	return 0;
}

int bukti_orphans(int (*referenced)(void *ctx, const char *name),
		  void (*orphan)(void *ctx, const char *name), void *ctx, int remove, int64_t *n)
{
	*n = 0;
	DIR *d = opendir(g_dir);
	if (!d)
		return errno == ENOENT ? APP_ENOTFOUND : APP_EIO;
	time_t now = time(NULL);
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(d))) {
		char path[4400];
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		bukti_path(e->d_name, path, sizeof(path));
		const char *tmp = strstr(e->d_name, ".tmp.");
		if (tmp ? tmp - e->d_name != 64 : !well_formed(e->d_name))
			continue; /* foreign names are bukti_verify_dir's to report */
		if (!tmp && referenced(ctx, e->d_name))
			continue;
		/* a file changed in the last hour may be a write whose row is
		 * not committed yet (or a temporary file still being written) */
		if (lstat(path, &st) || now - st.st_mtime < BUKTI_ORPHAN_AGE_S)
			continue;
		if (remove) {
			/* a writer in this process may be about to reference it */
			pthread_mutex_lock(&g_pin_mu);
			int busy = !tmp && pinned_locked(e->d_name);
			if (!busy && unlink(path) && errno != ENOENT) {
				log_error("bukti: unlink %s: %s", path, strerror(errno));
				rc = APP_EIO;
			}
			pthread_mutex_unlock(&g_pin_mu);
			if (busy)
				continue;
		}
		orphan(ctx, e->d_name);
		(*n)++;
	}
	closedir(d);
	return rc;
}

int bukti_open(const char *sha256)
{
	char path[4200];
	if (!well_formed(sha256))
		return APP_EINVAL;
	bukti_path(sha256, path, sizeof(path));
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return errno == ENOENT ? APP_ENOTFOUND : APP_EIO;
	return fd;
}
