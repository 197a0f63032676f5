/* Every cap in one place (SQLite's sqliteLimit.h): a default and a hard
 * maximum for each. A configuration may lower a limit or raise it up to its
 * hard maximum, never beyond; limit_clamp() applies that rule. The
 * _Static_asserts keep each default under its ceiling.
 *
 * Naming: LIMIT_<AREA>_<WHAT> is the default, LIMIT_<AREA>_<WHAT>_HARD the
 * ceiling. Durations carry their unit in the name (_MS, _MIN). */
#ifndef WASDAL_CORE_LIMITS_H
#define WASDAL_CORE_LIMITS_H

#include <stdint.h>

/* ---- CSV reader (core/csv.c) ---- */
#define LIMIT_CSV_FIELD_BYTES        4096      /* one field, after unquoting */
#define LIMIT_CSV_FIELD_BYTES_HARD   65536
#define LIMIT_CSV_ROW_BYTES          65536     /* one record, all fields */
#define LIMIT_CSV_ROW_BYTES_HARD     1048576
#define LIMIT_CSV_FIELDS             64        /* fields per record */
#define LIMIT_CSV_FIELDS_HARD        1024

/* ---- registry import (app/registry_import.c) ---- */
#define LIMIT_IMPORT_ROWS            2000000   /* data rows per file */
#define LIMIT_IMPORT_ROWS_HARD       10000000
#define LIMIT_IMPORT_ERRORS          100000    /* error lines kept in a report */
#define LIMIT_IMPORT_ERRORS_HARD     1000000
#define LIMIT_IMPORT_BATCH_ROWS      5000      /* rows per transaction with --partial */
#define LIMIT_IMPORT_BATCH_ROWS_HARD 100000

/* ---- lists and pages ---- */
#define LIMIT_PAGE_SIZE              50
#define LIMIT_PAGE_SIZE_HARD         500

/* ---- passwords (crypto/password.c, app/auth.c) ---- */
#define LIMIT_PASSWORD_MIN_CHARS     10        /* bytes of UTF-8 */
#define LIMIT_PASSWORD_MIN_CHARS_HARD 64
#define LIMIT_PASSWORD_MAX_BYTES     256       /* longer input is refused before hashing */
#define LIMIT_PASSWORD_MAX_BYTES_HARD 1024
#define LIMIT_PWHASH_CONCURRENCY     2         /* Argon2id hashes at once (64 MiB each) */
#define LIMIT_PWHASH_CONCURRENCY_HARD 16

/* ---- login throttling (app/auth.c) ---- */
#define LIMIT_LOGIN_WINDOW_MS        60000     /* rate-limit window */
#define LIMIT_LOGIN_WINDOW_MS_HARD   3600000
#define LIMIT_LOGIN_PER_CLIENT       20        /* attempts per client key per window */
#define LIMIT_LOGIN_PER_CLIENT_HARD  1000
#define LIMIT_LOGIN_PER_USER         10        /* attempts per username per window */
#define LIMIT_LOGIN_PER_USER_HARD    1000
#define LIMIT_LOGIN_MAX_FAILED       5         /* consecutive failures before lockout */
#define LIMIT_LOGIN_MAX_FAILED_HARD  100
#define LIMIT_LOGIN_LOCKOUT_MIN      15        /* lockout length */
#define LIMIT_LOGIN_LOCKOUT_MIN_HARD 1440

/* ---- CPNS result lookup (app/cpns_result.c) ---- */
#define LIMIT_CPNS_LOOKUP_WINDOW_MS  60000
#define LIMIT_CPNS_LOOKUP_PER_CLIENT 10        /* lookups per client key per window */
#define LIMIT_CPNS_LOOKUP_PER_APPLICANT 10     /* lookups of one applicant_id per window */

/* ---- sessions and tokens (app/auth.c) ---- */
#define LIMIT_SESSION_IDLE_MIN       30        /* expires after this long unused */
#define LIMIT_SESSION_IDLE_MIN_HARD  1440
#define LIMIT_SESSION_ABSOLUTE_MIN   720       /* and never lives longer than this */
#define LIMIT_SESSION_ABSOLUTE_MIN_HARD 10080

_Static_assert(LIMIT_CSV_FIELD_BYTES <= LIMIT_CSV_FIELD_BYTES_HARD, "csv field");
_Static_assert(LIMIT_CSV_ROW_BYTES <= LIMIT_CSV_ROW_BYTES_HARD, "csv row");
_Static_assert(LIMIT_CSV_FIELD_BYTES <= LIMIT_CSV_ROW_BYTES, "csv field within row");
_Static_assert(LIMIT_CSV_FIELDS <= LIMIT_CSV_FIELDS_HARD, "csv fields");
_Static_assert(LIMIT_IMPORT_ROWS <= LIMIT_IMPORT_ROWS_HARD, "import rows");
_Static_assert(LIMIT_IMPORT_ERRORS <= LIMIT_IMPORT_ERRORS_HARD, "import errors");
_Static_assert(LIMIT_IMPORT_BATCH_ROWS <= LIMIT_IMPORT_BATCH_ROWS_HARD, "import batch");
_Static_assert(LIMIT_PAGE_SIZE <= LIMIT_PAGE_SIZE_HARD, "page size");
_Static_assert(LIMIT_PASSWORD_MIN_CHARS <= LIMIT_PASSWORD_MIN_CHARS_HARD, "password min");
_Static_assert(LIMIT_PASSWORD_MIN_CHARS <= LIMIT_PASSWORD_MAX_BYTES, "password range");
_Static_assert(LIMIT_PASSWORD_MAX_BYTES <= LIMIT_PASSWORD_MAX_BYTES_HARD, "password max");
_Static_assert(LIMIT_PWHASH_CONCURRENCY <= LIMIT_PWHASH_CONCURRENCY_HARD, "pwhash");
_Static_assert(LIMIT_LOGIN_WINDOW_MS <= LIMIT_LOGIN_WINDOW_MS_HARD, "login window");
_Static_assert(LIMIT_LOGIN_PER_CLIENT <= LIMIT_LOGIN_PER_CLIENT_HARD, "login client");
_Static_assert(LIMIT_LOGIN_PER_USER <= LIMIT_LOGIN_PER_USER_HARD, "login user");
_Static_assert(LIMIT_LOGIN_MAX_FAILED <= LIMIT_LOGIN_MAX_FAILED_HARD, "login failed");
_Static_assert(LIMIT_LOGIN_LOCKOUT_MIN <= LIMIT_LOGIN_LOCKOUT_MIN_HARD, "lockout");
_Static_assert(LIMIT_SESSION_IDLE_MIN <= LIMIT_SESSION_IDLE_MIN_HARD, "session idle");
_Static_assert(LIMIT_SESSION_ABSOLUTE_MIN <= LIMIT_SESSION_ABSOLUTE_MIN_HARD, "session abs");
_Static_assert(LIMIT_SESSION_IDLE_MIN <= LIMIT_SESSION_ABSOLUTE_MIN, "idle within absolute");

/* ---- HTTP server (src/http; owned by the web area) ---- */
#define LIMIT_HTTP_THREADS_DEFAULT   4
#define LIMIT_HTTP_THREADS_HARD      64
#define LIMIT_HTTP_CONNECTIONS       512        /* MHD_OPTION_CONNECTION_LIMIT */
#define LIMIT_HTTP_PER_IP_CONNECTIONS 64        /* MHD_OPTION_PER_IP_CONNECTION_LIMIT */
/* Per connection pool: caps the request headers (about half of it, as
 * nginx's 8 KiB header buffers do). libmicrohttpd clears the used part of
 * the pool between keep-alive requests: 64 KiB made that memset 5 % of a
 * GET's CPU time. */
#define LIMIT_HTTP_CONN_MEMORY       (16 * 1024)
#define LIMIT_HTTP_TIMEOUT_S         15         /* idle connection timeout */
#define LIMIT_FORM_BODY              (64 * 1024) /* urlencoded forms */
#define LIMIT_JSON_BODY              (1024 * 1024) /* application/json bodies */
#define LIMIT_UPLOAD_BODY            (8 * 1024 * 1024) /* multipart uploads (CSV import) */
#define LIMIT_UPLOAD_BODY_HARD       (64 * 1024 * 1024)
#define LIMIT_RESPONSE_BODY          (256 * 1024 * 1024)
#define LIMIT_PARAMS                 64         /* query + form fields per request */
#define LIMIT_PARAM_NAME             64
#define LIMIT_PARAM_VALUE            4096
#define LIMIT_COOKIES                32
#define LIMIT_MULTIPART_PARTS        40         /* the report form has ~25 fields + files */
#define LIMIT_MULTIPART_HEADER       1024       /* one part's header block */
#define LIMIT_PATH                   1024
#define LIMIT_AUDIT_PAGE             50
_Static_assert(LIMIT_UPLOAD_BODY <= LIMIT_UPLOAD_BODY_HARD, "upload body");
_Static_assert(LIMIT_HTTP_THREADS_DEFAULT <= LIMIT_HTTP_THREADS_HARD, "http threads");
_Static_assert(LIMIT_FORM_BODY <= LIMIT_UPLOAD_BODY, "form within upload");

/* ---- JSON API (src/api) ---- */
#define LIMIT_JSON_DEPTH             16         /* nesting of request bodies, checked before parsing */
#define LIMIT_JSON_DEPTH_HARD        64         /* jansson's own parser cap is 2048 */
#define LIMIT_API_PAGE_MAX           200        /* ?limit= on API lists */
_Static_assert(LIMIT_JSON_DEPTH <= LIMIT_JSON_DEPTH_HARD, "json depth");
_Static_assert(LIMIT_API_PAGE_MAX < LIMIT_PAGE_SIZE_HARD, "api page: one more row must fit");

/* ---- citizen reports (app/laporan.c, app/bukti.c) ---- */
#define LIMIT_BUKTI_FILE_BYTES       (10 * 1024 * 1024) /* one evidence file */
#define LIMIT_BUKTI_FILE_BYTES_HARD  (50 * 1024 * 1024)
#define LIMIT_BUKTI_PER_UPLOAD       5          /* files in one report or one addition */
#define LIMIT_BUKTI_PER_UPLOAD_HARD  20
#define LIMIT_BUKTI_PER_KASUS        20         /* files on one case, all additions */
#define LIMIT_BUKTI_PER_KASUS_HARD   100
/* The body of a report with its files: every file at its cap plus the form. */
#define LIMIT_LAPORAN_BODY           (LIMIT_BUKTI_PER_UPLOAD * LIMIT_BUKTI_FILE_BYTES + 256 * 1024)
#define LIMIT_LAPORAN_PER_CLIENT     10         /* reports per client key per window */
#define LIMIT_LAPORAN_WINDOW_MS      3600000
/* `wasdal serve --laporan-per-jam N` raises the per-client limit for load
 * tests and benchmarks only (bench/laporan.sh); never above this. */
#define LIMIT_LAPORAN_PER_CLIENT_HARD 1000000
#define LIMIT_RECEIPT_WINDOW_MS      600000     /* receipt lookups: 10-minute window */
#define LIMIT_RECEIPT_PER_CLIENT     30         /* failed or not, per client key per window */
#define LIMIT_RECEIPT_GLOBAL         1000       /* all clients together per window (botnets) */
#define LIMIT_LAPORAN_LATE_DAYS      7          /* statutory window: later reports are flagged */
_Static_assert(LIMIT_BUKTI_FILE_BYTES <= LIMIT_BUKTI_FILE_BYTES_HARD, "bukti file");
_Static_assert(LIMIT_BUKTI_PER_UPLOAD <= LIMIT_BUKTI_PER_UPLOAD_HARD, "bukti per upload");
_Static_assert(LIMIT_BUKTI_PER_KASUS <= LIMIT_BUKTI_PER_KASUS_HARD, "bukti per kasus");
_Static_assert(LIMIT_BUKTI_PER_UPLOAD <= LIMIT_BUKTI_PER_KASUS, "upload within kasus");
_Static_assert(LIMIT_LAPORAN_BODY <= LIMIT_UPLOAD_BODY_HARD, "report body");
_Static_assert(LIMIT_LAPORAN_PER_CLIENT <= LIMIT_LAPORAN_PER_CLIENT_HARD, "laporan rate");
_Static_assert(LIMIT_BUKTI_PER_UPLOAD + 30 <= LIMIT_MULTIPART_PARTS, "report form parts");

/* A configured value v for a limit: values <= 0 mean "use the default",
 * anything above hard is cut to hard. */
static inline int64_t limit_clamp(int64_t v, int64_t def, int64_t hard)
{
	if (v <= 0)
		return def;
	return v > hard ? hard : v;
}

#endif
