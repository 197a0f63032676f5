/* The reporter's side after filing, with the receipt: follow the status,
 * read and answer the officer's messages, add evidence, complete who is
 * reported (see laporan.h). */
#include "core/compat.h"
#include "app/audit.h"
#include "app/laporan_int.h"
#include "core/date.h"
#include "core/err.h"
#include "core/log.h"
#include "crypto/receipt.h"
#include <sodium.h>

static int audit_in_tx(struct store *s, const char *action, const char *nomor, const char *diff)
{
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = audit_append(s, laporan_pelapor(), action, "kasus", nomor, diff);
	if (!rc)
		return store_tx_commit(s);
	store_tx_rollback(s);
	return rc;
}

int laporan_pantau(struct store *s, const char *client_key, const char *receipt, int64_t now_ms,
		   struct kasus *out)
{
	int rc = laporan_rate(s, "pantau", client_key, LIMIT_RECEIPT_PER_CLIENT,
			      LIMIT_RECEIPT_WINDOW_MS, now_ms);
	if (!rc)
		rc = laporan_rate(s, "pantau-semua", "*", LIMIT_RECEIPT_GLOBAL, LIMIT_RECEIPT_WINDOW_MS,
				  now_ms);
	if (rc)
		return rc;
	char digits[RECEIPT_DIGITS + 1], salt[33], hash[RECEIPT_HASH_HEX];
	int malformed = receipt_normalize(receipt, digits) != 0;
	if (malformed)
		snprintf(digits, sizeof(digits), "0000000000000000");
	rc = store_laporan_salt_get(s, salt);
	if (rc == APP_ENOTFOUND) {
		snprintf(salt, sizeof(salt), "00000000000000000000000000000000");
		malformed = 1;
	} else if (rc) {
		return rc;
	}
	/* Hash even a malformed receipt: every wrong answer costs the same. */
	rc = receipt_hash(digits, salt, hash);
	sodium_memzero(digits, sizeof(digits));
	if (rc)
		return rc;
	rc = malformed ? APP_ENOTFOUND : store_kasus_get_by_receipt(s, hash, out);
	if (rc == APP_ENOTFOUND) {
		/* The attempt is recorded, never what was typed. */
		int arc = audit_in_tx(s, "laporan.kuitansi_salah", "", NULL);
		if (arc)
			log_error("laporan: audit of a failed receipt lookup: %s", app_err_name(arc));
		return APP_ENOTFOUND;
	}
	return rc;
}

int laporan_tampilan_load(struct store *s, const struct kasus *k, struct laporan_tampilan *t)
{
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_kasus_pesan_list(s, k->id, t->pesan, sizeof(t->pesan) / sizeof(t->pesan[0]),
				    &t->n_pesan);
	if (!rc)
		rc = store_kasus_akses_list(s, k->id, t->akses, sizeof(t->akses) / sizeof(t->akses[0]),
					    &t->n_akses);
	if (!rc)
		rc = store_kasus_bukti_list(s, k->id, t->bukti, sizeof(t->bukti) / sizeof(t->bukti[0]),
					    &t->n_bukti);
	store_tx_rollback(s);
	return rc;
}

int laporan_balas(struct store *s, const struct kasus *k, const char *isi,
		  struct laporan_errors *err)
{
	if (!isi || laporan_blank(isi) || strlen(isi) >= KASUS_PESAN_MAX || !laporan_clean_text(isi, 1)) {
		laporan_errors_add(err, "isi", M_LAP_ERR_PESAN);
		return APP_EINVAL;
	}
	struct kasus_pesan *p = calloc(1, sizeof(*p));
	if (!p)
		return APP_ENOMEM;
	p->kasus_id = k->id;
	snprintf(p->dari, sizeof(p->dari), "pelapor");
	snprintf(p->isi, sizeof(p->isi), "%s", isi);
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (!rc) {
		rc = store_kasus_pesan_insert(s, p);
		if (!rc) {
			char diff[64];
			snprintf(diff, sizeof(diff), "{\"pesan\":%lld}", (long long)p->id);
			rc = audit_append(s, laporan_pelapor(), "laporan.balas", "kasus", k->nomor, diff);
		}
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
	}
	free(p);
	return rc;
}

/* Append the new URLs to the case's list, one per line, skipping those it
 * already has. */
static int merge_urls(char *have, size_t cap, const char *add)
{
	const char *p = add;
	while (*p) {
		size_t n = strcspn(p, "\r\n");
		if (n) {
			int dup = 0;
			const char *h = have;
			while (*h && !dup) {
				size_t m = strcspn(h, "\r\n");
				dup = m == n && !strncmp(h, p, n);
				h += m;
				while (*h == '\r' || *h == '\n')
					h++;
			}
			if (!dup) {
				size_t len = strlen(have);
				if (len + n + 2 > cap)
					return APP_ETOOBIG;
				snprintf(have + len, cap - len, "%s%.*s", len ? "\n" : "", (int)n, p);
			}
		}
		p += n;
		while (*p == '\r' || *p == '\n')
			p++;
	}
	return 0;
}

int laporan_tambah_bukti(struct store *s, struct kasus *k, const struct laporan_file *files,
			 size_t nfiles, const char *tautan, int *added, int *stripped,
			 struct laporan_errors *err)
{
	*added = *stripped = 0;
	tautan = tautan ? tautan : "";
	if (strlen(tautan) >= KASUS_TAUTAN_MAX || !laporan_urls_ok(tautan)) {
		laporan_errors_add(err, "tautan", M_LAP_ERR_TAUTAN);
		return APP_EINVAL;
	}
	if (nfiles == 0 && laporan_blank(tautan)) {
		laporan_errors_add(err, "bukti", M_LAP_ERR_BUKTI_KOSONG);
		return APP_EINVAL;
	}
	struct bukti_prepared prep[LIMIT_BUKTI_PER_UPLOAD];
	memset(prep, 0, sizeof(prep));
	int rc = laporan_prepare_files(files, nfiles, prep, err);
	if (rc)
		return rc;
	struct kasus_bukti *have = calloc(LIMIT_BUKTI_PER_KASUS_HARD, sizeof(*have));
	size_t n_have = 0;
	if (!have) {
		rc = APP_ENOMEM;
		goto out;
	}
	bukti_journal_begin();
	if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
		goto out;
	rc = store_kasus_bukti_list(s, k->id, have, LIMIT_BUKTI_PER_KASUS_HARD, &n_have);
	if (!rc && n_have + nfiles > LIMIT_BUKTI_PER_KASUS) {
		laporan_errors_add(err, "bukti", M_BUKTI_TOO_MANY);
		rc = APP_EINVAL;
	}
	if (!rc)
		rc = laporan_store_files(s, k->id, files, prep, nfiles, laporan_now_ms(), added,
					 stripped);
	if (!rc && !laporan_blank(tautan)) {
		rc = merge_urls(k->tautan, sizeof(k->tautan), tautan);
		if (rc == APP_ETOOBIG) {
			laporan_errors_add(err, "tautan", M_LAP_ERR_TAUTAN);
			rc = APP_EINVAL;
		}
	}
	if (!rc) {
		laporan_kekurangan(k, n_have + (size_t)*added, k->kekurangan, sizeof(k->kekurangan));
		rc = store_kasus_set_tautan(s, k, 0);
	}
	if (!rc) {
		char diff[700];
		snprintf(diff, sizeof(diff), "{\"bukti\":%d,\"tautan\":%s,\"kekurangan\":\"%s\"}", *added,
			 laporan_blank(tautan) ? "false" : "true", k->kekurangan);
		rc = audit_append(s, laporan_pelapor(), "laporan.tambah_bukti", "kasus", k->nomor, diff);
	}
	if (!rc)
		rc = store_tx_commit(s);
	else
		store_tx_rollback(s);
out:
	bukti_journal_end(rc == 0);
	free(have);
	for (size_t i = 0; i < nfiles; i++)
		bukti_release(&prep[i]);
	return rc;
}

int laporan_lengkapi_terlapor(struct store *s, struct kasus *k, const struct laporan_input *in,
			      struct laporan_errors *err)
{
	int32_t today = date_today_wib();
	laporan_check_terlapor(in, today, err);
	if (laporan_blank(in->terlapor_nip) &&
	    (laporan_blank(in->terlapor_nama) || laporan_blank(in->terlapor_instansi)))
		laporan_errors_add(err, "terlapor_nip", M_LAP_ERR_TERLAPOR_KURANG);
	if (err->n)
		return APP_EINVAL;
	struct kasus_bukti *have = calloc(LIMIT_BUKTI_PER_KASUS_HARD, sizeof(*have));
	size_t n_have = 0;
	if (!have)
		return APP_ENOMEM;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc) {
		free(have);
		return rc;
	}
	snprintf(k->terlapor_nama, sizeof(k->terlapor_nama), "%s", in->terlapor_nama);
	snprintf(k->terlapor_jabatan, sizeof(k->terlapor_jabatan), "%s", in->terlapor_jabatan);
	snprintf(k->terlapor_instansi, sizeof(k->terlapor_instansi), "%s", in->terlapor_instansi);
	k->terlapor_nip[0] = '\0';
	k->pegawai_id = 0;
	k->instansi_id = 0;
	rc = laporan_link_nip(s, k, in->terlapor_nip, today);
	if (!rc)
		rc = store_kasus_bukti_list(s, k->id, have, LIMIT_BUKTI_PER_KASUS_HARD, &n_have);
	if (!rc) {
		laporan_kekurangan(k, n_have, k->kekurangan, sizeof(k->kekurangan));
		rc = store_kasus_set_terlapor(s, k, 0);
	}
	if (!rc) {
		char diff[700];
		snprintf(diff, sizeof(diff), "{\"terhubung\":%s,\"kekurangan\":\"%s\"}",
			 k->pegawai_id ? "true" : "false", k->kekurangan);
		rc = audit_append(s, laporan_pelapor(), "laporan.lengkapi", "kasus", k->nomor, diff);
	}
	if (!rc)
		rc = store_tx_commit(s);
	else
		store_tx_rollback(s);
	free(have);
	return rc;
}
