/* Attachments of a transition (BAP, SK): checked, cleaned and stored by
 * app/bukti exactly like the reporter's evidence (type sniffed from the
 * bytes, metadata stripped, named by SHA-256 outside any web root), then
 * linked to the case as files added by an officer. */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/bukti.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/jsonw.h"

#define LAMPIRAN_MAX 4

int kasus_lampiran_simpan(struct store *s, const struct principal *p, const struct kasus *k,
			  const struct kasus_lampiran *l, size_t n, struct buf *json,
			  enum msg_id *why)
{
	if (!n)
		return 0;
	*why = M_KS_ATTACHMENT_TOO_MANY;
	if (n > LAMPIRAN_MAX)
		return APP_ETOOBIG;
	*why = M_KS_ATTACHMENT_BAD;
	struct jsonw w;
	jsonw_init(&w, json);
	jsonw_arr_begin(&w);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		struct bukti_prepared bp;
		rc = bukti_prepare(l[i].data, l[i].len, &bp, why);
		if (rc)
			break;
		rc = bukti_write(&bp);
		struct kasus_bukti b;
		memset(&b, 0, sizeof(b));
		b.kasus_id = k->id;
		snprintf(b.sha256, sizeof(b.sha256), "%s", bp.sha256);
		snprintf(b.mime, sizeof(b.mime), "%s", bp.mime);
		b.ukuran = (int64_t)bp.data.len;
		snprintf(b.nama_berkas, sizeof(b.nama_berkas), "%s", l[i].nama ? l[i].nama : "");
		b.metadata_dihapus = bp.metadata_dihapus;
		snprintf(b.oleh, sizeof(b.oleh), "petugas");
		b.user_id = p->user_id;
		if (!rc) {
			rc = store_kasus_bukti_insert(s, &b);
			/* The same file attached again is the same evidence. */
			if (rc == APP_ECONFLICT)
				rc = APP_EINVAL;
		}
		if (!rc) {
			jsonw_obj_begin(&w);
			jsonw_kv_str(&w, "sha256", b.sha256);
			jsonw_kv_str(&w, "nama", b.nama_berkas);
			jsonw_kv_str(&w, "mime", b.mime);
			jsonw_kv_int(&w, "bukti_id", b.id);
			jsonw_obj_end(&w);
		}
		bukti_release(&bp);
	}
	jsonw_arr_end(&w);
	if (!rc && w.err)
		rc = APP_ETOOBIG;
	return rc;
}
