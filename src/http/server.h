/* The HTTP server: libmicrohttpd behind one function, so that an upgrade of
 * the library (MHD 1.x) or a swap stays inside src/http/. */
#ifndef WASDAL_HTTP_SERVER_H
#define WASDAL_HTTP_SERVER_H

struct server_opts {
	const char *listen;     /* "127.0.0.1:8080", "[::1]:8080" */
	int threads;            /* worker threads = store connections */
	const char *db_url;
	int secure_cookies;     /* behind TLS: cookies get Secure */
	/* Background work beside the HTTP workers (the outbox sender): started
	 * once the server listens, with the stop signals already blocked so the
	 * thread inherits the mask; stopped before the store pool closes.
	 * start returns 0 or an exit code (the server then stops). */
	int (*background_start)(void *ctx);
	void (*background_stop)(void *ctx);
	void *background_ctx;
};

/* Opens one store per worker, checks the schema, serves until SIGINT or
 * SIGTERM, then stops cleanly. Returns a process exit code: 0 after a clean
 * stop, 2 for bad options or an unmigrated database (message printed),
 * 3 when the server could not start. */
int server_run(const struct server_opts *o);

/* Splits "host:port" / "[v6]:port". 0 or -1. */
int server_parse_listen(const char *s, char *host, unsigned long hostsz, unsigned short *port);

#endif
