/* Attachments of a transition (BAP, SK). */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "core/buf.h"
#include "core/err.h"

int kasus_lampiran_simpan(struct store *s, const struct principal *p, const struct kasus *k,
			  const struct kasus_lampiran *l, size_t n, struct buf *json,
			  enum msg_id *why)
{
	(void)s; (void)p; (void)k; (void)l; (void)json;
	if (!n)
		return 0;
	/* Files are stored through the evidence store of app/bukti (branch
	 * laporan); until it is merged a transition carries no files. */
	*why = M_KS_ATTACHMENT_BAD;
	return APP_EINVAL;
}
