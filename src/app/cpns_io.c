#include "core/compat.h"
#include "app/cpns_io.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int cpns_map_open(const char *path, struct cpns_map *m)
{
	memset(m, 0, sizeof(*m));
	m->data = "";
	int fd = open(path, O_RDONLY | O_CLOEXEC), e = 0;
	struct stat st;
	if (fd < 0 || fstat(fd, &st))
		e = errno;
	else if (S_ISDIR(st.st_mode))
		e = EISDIR;
	else if (!S_ISREG(st.st_mode))
		e = EINVAL; /* a pipe or device cannot be mapped or hashed twice */
	if (e) {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_CANNOT_OPEN), path, strerror(e));
		fputc('\n', stderr);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (st.st_size > 0) {
		/* MAP_POPULATE: one sequential read-ahead instead of a page
		 * fault every 4 KiB in the parser's hot loop. */
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
		if (p == MAP_FAILED) {
			fprintf(stderr, "wasdal: ");
			fprintf(stderr, msgc(M_CANNOT_OPEN), path, strerror(errno));
			fputc('\n', stderr);
			close(fd);
			return -1;
		}
		madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
		m->base = p;
		m->data = p;
		m->len = (size_t)st.st_size;
	}
	close(fd);
	return 0;
}

void cpns_map_close(struct cpns_map *m)
{
	if (m->base)
		munmap(m->base, m->len);
	memset(m, 0, sizeof(*m));
	m->data = "";
}

int cpns_out_open(struct cpns_out *o, const char *dir, const char *name)
{
	memset(o, 0, sizeof(*o));
	o->path = xasprintf("%s/%s", dir, name);
	o->tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	o->fd = mkostemp(o->tmp, O_CLOEXEC);
	if (o->fd < 0) {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_CANNOT_WRITE), o->path, strerror(errno));
		fputc('\n', stderr);
		free(o->path);
		free(o->tmp);
		o->path = o->tmp = NULL;
		return -1;
	}
	/* mkstemp makes 0600; a published result is meant to be read. */
	fchmod(o->fd, 0644);
	o->buf = xmalloc(CPNS_OUT_BUF);
	sha256_init(&o->sha, 0);
	return 0;
}

static void flush(struct cpns_out *o)
{
	if (!o->n)
		return;
	sha256_update(&o->sha, o->buf, o->n);
	size_t off = 0;
	while (off < o->n && !o->err) {
		ssize_t w = write(o->fd, o->buf + off, o->n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			o->err = w < 0 ? errno : EIO;
		else
			off += (size_t)w;
	}
	o->n = 0;
}

char *cpns_out_reserve(struct cpns_out *o, size_t n)
{
	if (o->n + n > CPNS_OUT_BUF)
		flush(o);
	return o->buf + o->n;
}

void cpns_out_write(struct cpns_out *o, const void *p, size_t n)
{
	const char *s = p;
	while (n) {
		if (o->n == CPNS_OUT_BUF)
			flush(o);
		size_t take = CPNS_OUT_BUF - o->n < n ? CPNS_OUT_BUF - o->n : n;
		memcpy(o->buf + o->n, s, take);
		o->n += take;
		s += take;
		n -= take;
	}
}

void cpns_out_printf(struct cpns_out *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(tmp)) {
		char *big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		cpns_out_write(o, big, (size_t)n);
		free(big);
		return;
	}
	cpns_out_write(o, tmp, (size_t)n);
}

static void release(struct cpns_out *o)
{
	free(o->buf);
	free(o->tmp);
	free(o->path);
	o->buf = o->tmp = o->path = NULL;
}

void cpns_out_abort(struct cpns_out *o)
{
	if (o->fd >= 0 && o->tmp) {
		close(o->fd);
		unlink(o->tmp);
	}
	o->fd = -1;
	release(o);
}

void cpns_out_finish(struct cpns_out *o, char hex[SHA256_HEX])
{
	flush(o);
	uint8_t d[SHA256_BYTES];
	sha256_final(&o->sha, d);
	if (hex)
		sha256_hex(d, hex);
	o->finished = 1;
}

int cpns_out_commit(struct cpns_out *o, char hex[SHA256_HEX])
{
	if (!o->finished)
		cpns_out_finish(o, hex);
	if (!o->err && fsync(o->fd))
		o->err = errno;
	if (close(o->fd) && !o->err)
		o->err = errno;
	o->fd = -1;
	if (!o->err && rename(o->tmp, o->path))
		o->err = errno;
	if (o->err) {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_CANNOT_WRITE), o->path, strerror(o->err));
		fputc('\n', stderr);
		unlink(o->tmp);
		release(o);
		return -1;
	}
	release(o);
	return 0;
}

int cpns_file_sha256(const char *path, char hex[SHA256_HEX])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct sha256 s;
	sha256_init(&s, 0);
	char *b = xmalloc(1 << 20);
	ssize_t r;
	while ((r = read(fd, b, 1 << 20)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(b);
			close(fd);
			errno = e;
			return -1;
		}
		sha256_update(&s, b, (size_t)r);
	}
	free(b);
	close(fd);
	uint8_t d[SHA256_BYTES];
	sha256_final(&s, d);
	sha256_hex(d, hex);
	return 0;
}
