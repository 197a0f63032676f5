/* Every size and rate cap in one place (SQLite sqliteLimit.h): each has a
 * default and a hard maximum checked at compile time. Sections belong to
 * the area that uses them; keep them separate. */
#ifndef WASDAL_CORE_LIMITS_H
#define WASDAL_CORE_LIMITS_H

/* ---- HTTP server (src/http) ---- */
#define LIMIT_HTTP_THREADS_DEFAULT 4
#define LIMIT_HTTP_THREADS_MAX 64
#define LIMIT_HTTP_CONNECTIONS 512          /* MHD_OPTION_CONNECTION_LIMIT */
#define LIMIT_HTTP_PER_IP_CONNECTIONS 64    /* MHD_OPTION_PER_IP_CONNECTION_LIMIT */
#define LIMIT_HTTP_CONN_MEMORY (64 * 1024)  /* per connection: caps headers */
#define LIMIT_HTTP_TIMEOUT_S 15             /* idle connection timeout */
#define LIMIT_FORM_BODY (64 * 1024)         /* urlencoded forms */
#define LIMIT_JSON_BODY (1024 * 1024)       /* application/json bodies */
#define LIMIT_UPLOAD_BODY (8 * 1024 * 1024) /* multipart uploads (CSV import) */
#define LIMIT_UPLOAD_BODY_MAX (64 * 1024 * 1024)
#define LIMIT_RESPONSE_BODY (256 * 1024 * 1024)
#define LIMIT_PARAMS 64                     /* query + form fields per request */
#define LIMIT_PARAM_NAME 64
#define LIMIT_PARAM_VALUE 4096
#define LIMIT_COOKIES 32
#define LIMIT_COOKIE_HEADER 4096
#define LIMIT_MULTIPART_PARTS 16
#define LIMIT_MULTIPART_HEADER 1024         /* one part's header block */
#define LIMIT_PATH 1024
#define LIMIT_PAGE_SIZE_DEFAULT 50          /* list pages */
#define LIMIT_PAGE_SIZE_MAX 200
#define LIMIT_AUDIT_PAGE 50

#if LIMIT_UPLOAD_BODY > LIMIT_UPLOAD_BODY_MAX
#error LIMIT_UPLOAD_BODY is above its hard maximum
#endif
#if LIMIT_HTTP_THREADS_DEFAULT > LIMIT_HTTP_THREADS_MAX
#error LIMIT_HTTP_THREADS_DEFAULT is above its hard maximum
#endif

#endif
