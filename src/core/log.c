#include "core/compat.h"
#include "core/log.h"
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;

/* log_buffer(1): info and debug lines wait in buf until log_flush() (the
 * server calls it four times a second), the buffer fills, or a warning or
 * error comes (which flushes them first, so the order holds). One write(2)
 * per access-log line was 6 % of a GET's CPU time. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int buffering;
static char buf[16384];
static size_t buf_len;

void log_set_level(enum log_level lvl)
{
	min_level = lvl;
}

static void write_all(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(STDERR_FILENO, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* nowhere to report it */
		p += w;
		n -= (size_t)w;
	}
}

/* With mu held. */
static void flush_locked(void)
{
	write_all(buf, buf_len);
	buf_len = 0;
}

void log_flush(void)
{
	pthread_mutex_lock(&mu);
	flush_locked();
	pthread_mutex_unlock(&mu);
}

void log_buffer(int on)
{
	pthread_mutex_lock(&mu);
	buffering = on;
	if (!on)
		flush_locked();
	pthread_mutex_unlock(&mu);
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	static const char *names[] = { "debug", "info", "warn", "error" };
	if (lvl < min_level)
		return;
	char line[2048];
	/* The time stamp changes once a second: each thread formats it once
	 * per second (strftime was a tenth of an access-log line's cost). */
	static _Thread_local time_t stamp_at = -1;
	static _Thread_local char stamp[32];
	static _Thread_local int stamp_len;
	time_t now = time(NULL);
	if (now != stamp_at) {
		struct tm tm;
		gmtime_r(&now, &tm);
		stamp_len = (int)strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ ", &tm);
		stamp_at = now;
	}
	memcpy(line, stamp, (size_t)stamp_len);
	int off = stamp_len;
	off += snprintf(line + off, sizeof(line) - (size_t)off, "%s ", names[lvl]);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + off, sizeof(line) - (size_t)off, fmt, ap);
	va_end(ap);
	size_t n = strlen(line);
	line[n++] = '\n'; /* vsnprintf left room: it wrote at most sizeof - 1 */
	/* One write per line (or per batch of whole lines), so concurrent
	 * threads never interleave within a line. */
	pthread_mutex_lock(&mu);
	if (buffering && lvl < LOG_WARN) {
		if (buf_len + n > sizeof(buf))
			flush_locked();
		memcpy(buf + buf_len, line, n);
		buf_len += n;
	} else {
		flush_locked();
		write_all(line, n);
	}
	pthread_mutex_unlock(&mu);
}
