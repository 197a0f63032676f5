/* Evidence files of citizen reports: checked, cleaned and stored by
 * content hash.
 *
 * A file's type is sniffed from its bytes with libmagic, never from its
 * name or the Content-Type a client sent, against an allowlist: JPEG, PNG,
 * WebP, PDF, MP4 and WebM. Images go through app/media_strip first (EXIF
 * GPS, camera serials, XMP), and what is stored is the cleaned image. Files
 * live in a directory of their own (serve --files, WASDAL_FILES_DIR, by
 * default "<database>-berkas" next to a SQLite database), named by the
 * SHA-256 of the stored bytes, readable by the server's user only, never
 * under a web root: they are served only by the officer download route,
 * as attachments. */
#ifndef WASDAL_APP_BUKTI_H
#define WASDAL_APP_BUKTI_H

#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"
#include "core/msg.h"

/* Set once at start-up (server, seed); the directory is created 0700 on
 * first use. */
void bukti_set_dir(const char *dir);
const char *bukti_dir(void);
/* The default for a database URL: "<file>-berkas" for sqlite:<file>,
 * "wasdal-berkas" in the working directory otherwise. */
void bukti_default_dir(const char *db_url, char *out, size_t outsz);

struct bukti_prepared {
	char mime[64];          /* from the allowlist */
	int metadata_dihapus;   /* metadata blocks were removed */
	struct buf data;        /* the bytes to store (cleaned for images) */
	char sha256[65];        /* of data */
};

/* Sniff, check and clean one upload. 0, or APP_EINVAL with *why the
 * catalogue reason (type not allowed, malformed image, empty), APP_ETOOBIG
 * (*why set) above LIMIT_BUKTI_FILE_BYTES. Release with bukti_release. */
int bukti_prepare(const uint8_t *data, size_t n, struct bukti_prepared *out, enum msg_id *why);
void bukti_release(struct bukti_prepared *p);
/* The MIME type libmagic sees in data ("" when it cannot tell). */
void bukti_sniff(const uint8_t *data, size_t n, char *mime, size_t mimesz);
/* 1 when mime is on the allowlist. */
int bukti_mime_allowed(const char *mime);

/* Write p->data as <dir>/<sha256> (write to a temporary name, fsync,
 * rename, fsync the directory); an existing file with that name is the
 * same content and is kept. 0 or APP_EIO. */
int bukti_write(const struct bukti_prepared *p);
/* Files written inside a database transaction. bukti_write happens before
 * the commit (a committed row must never point at a missing file); when
 * the transaction then fails, the files it created must not stay behind.
 * Between bukti_journal_begin() and bukti_journal_end(committed) the
 * calling thread's bukti_write calls are remembered; at the end, when not
 * committed, each file this journal created is removed unless another
 * writer in this process holds the same content (content addressing: a
 * concurrent report may carry the same bytes). A crash in between still
 * leaves an orphan: 'wasdal bukti periksa' lists them and --hapus-yatim
 * removes them. Journals do not nest. */
void bukti_journal_begin(void);
/* Returns how many files were removed. */
int bukti_journal_end(int committed);
/* Open a stored file for reading: an fd, or a negative app_err
 * (APP_ENOTFOUND, APP_EINVAL for a name that is not a hash). */
int bukti_open(const char *sha256);
/* Check every stored file: its SHA-256 must equal its name (the files are
 * evidence; a changed byte must show). bad(ctx, name, why) is called for
 * each problem ("berbeda" content differs, "tidak_terbaca" unreadable,
 * "nama_asing" a name that is not a hash; temporary files are skipped).
 * *n_ok counts good files. 0, or APP_EIO when the directory cannot be read
 * (APP_ENOTFOUND when it does not exist: nothing stored yet). */
int bukti_verify_dir(void (*bad)(void *ctx, const char *name, const char *why), void *ctx,
		     int64_t *n_ok, int64_t *n_bad);
/* Files on disk that no row references (orphans): referenced(ctx, name)
 * answers 1 when a row names the file. orphan(ctx, name) is called for
 * each other well-formed file (and temporary file: an interrupted write)
 * not changed in the last hour (bukti_write touches a file it finds
 * already there, so a row about to be committed keeps it); when remove is
 * set the file is deleted first. *n counts them. 0, or as
 * bukti_verify_dir. */
int bukti_orphans(int (*referenced)(void *ctx, const char *name),
		  void (*orphan)(void *ctx, const char *name), void *ctx, int remove, int64_t *n);
/* The path of a stored file into out (tests and the CLI). */
void bukti_path(const char *sha256, char *out, size_t outsz);

#endif
